import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Writes a `ReportContent` as one self-contained HTML document: inline CSS
/// and SVG, no scripts, no external URLs, styled for both screen and print.
/// The same content always gives byte-identical output (no timestamps).
public enum HTMLReport {
    /// The complete HTML document.
    public static func render(_ content: ReportContent) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>" + escaped(content.title) + "</title>\n<style>\n" + stylesheet + "</style>\n</head>\n<body>\n<main>\n"
        html += "<h1>" + escaped(content.title) + "</h1>\n"
        html += "<p class=\"subtitle\">" + escaped(content.subtitle) + "</p>\n"
        if !content.dataSummary.isEmpty { html += summarySection(content.dataSummary) }
        if let profiles = content.profiles { html += glanceSection(profiles) }
        if let kSelection = content.kSelection { html += kSelectionSection(kSelection) }
        if let scatter = content.scatter {
            html += section("Segments in two dimensions",
                            figure(scatter.chart.svg(), caption: scatter.note))
        }
        if let silhouette = content.silhouette {
            html += section("How well each row fits its segment",
                            figure(silhouette.plot.svg(), caption: "Silhouette of every row, sorted within its segment: near 1, well inside its segment; near 0, on a border; below 0, closer to another segment. The dashed line is the mean."
                                    + (silhouette.note.isEmpty ? "" : " " + silhouette.note)))
        }
        if let stability = content.stability {
            html += section("Would the segments come back?",
                            figure(stability.svg(), caption: "Each segment's mean Jaccard similarity with its best match when 63 % of the rows (a bootstrap resample) are clustered again, as R's fpc::clusterboot. Below 0.6 a segment dissolves, 0.6–0.75 it is a pattern, above 0.75 stable, above 0.85 highly stable."))
        }
        if let rules = content.rules {
            html += section("Segments as rules",
                            "<p>A shallow decision tree on the original values; its rules give " + percent(rules.agreement)
                                + " of the rows their segment (support: share of all rows the rule covers; precision: share of them in the segment; recall: share of the segment covered).</p>\n"
                                + table(header: ["segment", "rule", "support", "precision", "recall"], rows: rules.rows,
                                        numeric: [false, false, true, true, true]))
        }
        if let dendrogram = content.dendrogram {
            html += section("Merge tree",
                            figure(dendrogram.svg(), caption: "Agglomerative merges from the bottom up; the height of a join is the distance at which the two groups merged."))
        }
        if let profiles = content.profiles { html += profileSection(profiles) }
        if let recommendations = content.recommendations { html += recommendationSection(recommendations) }
        html += "<footer>Written by " + escaped(content.generator) + ". Self-contained: no scripts, no network.</footer>\n"
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static func escaped(_ text: String) -> String { MarkupEscaping.escaped(text) }

    static func section(_ title: String, _ body: String) -> String {
        "<section>\n<h2>" + escaped(title) + "</h2>\n" + body + "</section>\n"
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\n" + svg + "<figcaption>" + escaped(caption) + "</figcaption>\n</figure>\n"
    }

    /// A table; `numeric[i]` right-aligns column `i`. Cells are escaped.
    static func table(header: [String], rows: [[String]], numeric: [Bool]) -> String {
        var html = "<div class=\"table-wrap\"><table>\n<thead><tr>"
        for (index, cell) in header.enumerated() {
            html += "<th" + (numeric[index] ? " class=\"num\"" : "") + ">" + escaped(cell) + "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += "<td" + (numeric[index] ? " class=\"num\"" : "") + ">" + escaped(cell) + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    static func summarySection(_ rows: [(label: String, value: String)]) -> String {
        var body = "<table class=\"facts\">\n<tbody>\n"
        for row in rows {
            body += "<tr><th scope=\"row\">" + escaped(row.label) + "</th><td>" + escaped(row.value) + "</td></tr>\n"
        }
        return section("Data", body + "</tbody>\n</table>\n")
    }

    static func swatch(_ segment: Int) -> String {
        "<span class=\"swatch\" style=\"background:\(Palette.color(forSegment: segment))\"></span>"
    }

    static func glanceSection(_ profiles: SegmentProfiles) -> String {
        let valued = profiles.hasCustomerValue
        var body = "<div class=\"table-wrap\"><table>\n<thead><tr><th>segment</th><th class=\"num\">size</th><th class=\"num\">share</th>"
            + (valued ? "<th class=\"num\">total CLV</th><th class=\"num\">CLV share</th><th class=\"num\">mean p_alive</th>" : "")
            + "<th>persona</th><th>suggested action</th></tr></thead>\n<tbody>\n"
        var regular = 0
        for profile in profiles.segments {
            let index = profile.isNoise ? -1 : regular
            if !profile.isNoise { regular += 1 }
            body += "<tr><td>" + swatch(index) + escaped(profile.label) + "</td>"
            body += "<td class=\"num\">\(profile.size)</td><td class=\"num\">" + percent(profile.share) + "</td>"
            if valued {
                let value = profile.customerValue
                body += "<td class=\"num\">" + (value.map { DecimalText.format($0.totalCLV, decimals: 2) } ?? "—") + "</td>"
                body += "<td class=\"num\">" + (value.map { percent($0.clvShare) } ?? "—") + "</td>"
                body += "<td class=\"num\">" + (value?.meanProbabilityAlive.map { DecimalText.format($0, decimals: 3) } ?? "—") + "</td>"
            }
            body += "<td><strong>" + escaped(profile.persona) + "</strong></td>"
            body += "<td>" + escaped(profile.action?.text ?? "—") + "</td></tr>\n"
        }
        body += "</tbody>\n</table></div>\n"
        if profiles.unlabelledCount > 0 {
            body += "<p class=\"note\">\(profiles.unlabelledCount) rows had no label (for example, dropped for missing values) and are not counted.</p>\n"
        }
        let names = profiles.segments.filter { !$0.isNoise }.map { "\($0.label) · \($0.persona)" }
        let noise = profiles.segments.first { $0.isNoise }?.size ?? 0
        let bars = SegmentSizeBars(sizes: profiles.segments.filter { !$0.isNoise }.map(\.size), names: names, noise: noise)
        body += figure(bars.svg(), caption: "Rows per segment and their share of all labelled rows.")
        if let shares = ValueShareBars(profiles) {
            body += figure(shares.svg(), caption: "Each segment's share of the customers next to its share of their summed lifetime value (the clv column of segment clv); mean p_alive is the segment's mean probability that a customer is still active.")
        }
        body += "<p class=\"note\">Personas name each segment's strongest differences from the average customer (at least \(DecimalText.format(Persona.threshold)) standard deviations); actions follow fixed rules on income, spending, recency, frequency and age.</p>\n"
        return section("Segments at a glance", body)
    }

    static func kSelectionSection(_ content: KSelectionSection) -> String {
        section("Choosing the number of segments",
                "<p>" + escaped(content.explanation) + "</p>\n"
                    + figure(content.chart.svg(), caption: content.chart.silhouette.contains { $0 != nil }
                        ? "Left: inertia (within-segment sum of squares) falls as k grows; the knee is where extra segments stop paying off. Right: mean silhouette, higher is better."
                        : "Inertia (within-segment sum of squares) falls as k grows; the knee is where extra segments stop paying off."))
    }

    static func profileSection(_ profiles: SegmentProfiles) -> String {
        var body = ""
        let regular = profiles.segments.filter { !$0.isNoise }
        if !profiles.featureNames.isEmpty && !regular.isEmpty {
            let heatmap = ProfileHeatmap(segmentNames: regular.map { "\($0.label) · \($0.persona)" },
                                         featureNames: profiles.featureNames,
                                         differences: regular.map { $0.features.map(\.difference) })
            body += figure(heatmap.svg(), caption: "How far each segment's mean lies from the overall mean, in standard deviations of the whole data.")
        }
        // At most `segmentsPerTable` segments side by side (plus "all"), so the
        // tables fit a printed page; more segments continue in further tables.
        var headings: [String] = []
        var regularIndex = 0
        for profile in profiles.segments {
            if profile.isNoise {
                headings.append("noise")
            } else {
                headings.append(swatch(regularIndex) + escaped("segment " + profile.label))
                regularIndex += 1
            }
        }
        var html = ""
        for start in Swift.stride(from: 0, to: profiles.segments.count, by: segmentsPerTable) {
            let range = start..<min(start + segmentsPerTable, profiles.segments.count)
            html += profileTable(Array(profiles.segments[range]) + [profiles.overall],
                                 headings: Array(headings[range]) + ["all"], profiles: profiles)
        }
        return section("Segment profiles", body + html)
    }

    /// Segments shown side by side in one profile table.
    static let segmentsPerTable = 6

    /// One profile table: a column per profile, a row per statistic.
    static func profileTable(_ columns: [SegmentProfile], headings: [String], profiles: SegmentProfiles) -> String {
        var html = "<div class=\"table-wrap\"><table class=\"profile\">\n<thead><tr><th></th>"
        html += headings.map { "<th class=\"num\">" + $0 + "</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        html += "<tr><th scope=\"row\">rows</th>" + columns.map { "<td class=\"num\">\($0.size)</td>" }.joined() + "</tr>\n"
        html += "<tr><th scope=\"row\">share</th>" + columns.map { "<td class=\"num\">" + percent($0.share) + "</td>" }.joined() + "</tr>\n"
        for (index, name) in profiles.featureNames.enumerated() {
            html += "<tr class=\"group\"><th scope=\"row\">" + escaped(name) + " — mean</th>"
            html += columns.map { "<td class=\"num\">" + number($0.features[index].mean) + "</td>" }.joined() + "</tr>\n"
            html += "<tr><th scope=\"row\">median</th>"
            html += columns.map { "<td class=\"num\">" + number($0.features[index].median) + "</td>" }.joined() + "</tr>\n"
            html += "<tr><th scope=\"row\">vs. all (sd)</th>"
            html += columns.map { profile in
                let difference = profile.features[index].difference
                let sign = difference > 0.005 ? "+" : ""
                return "<td class=\"num heat\" style=\"background:\(ProfileHeatmap.color(for: difference))\">" + sign + number(difference) + "</td>"
            }.joined() + "</tr>\n"
        }
        for (index, category) in profiles.overall.categories.enumerated() {
            for (valueIndex, value) in category.shares.enumerated() {
                html += "<tr" + (valueIndex == 0 ? " class=\"group\"" : "") + "><th scope=\"row\">" + escaped("\(category.column) = \(value.value)") + "</th>"
                html += columns.map { "<td class=\"num\">" + percent($0.categories[index].shares[valueIndex].share) + "</td>" }.joined() + "</tr>\n"
            }
        }
        return html + "</tbody>\n</table></div>\n"
    }

    static func recommendationSection(_ content: RecommendationSection) -> String {
        var body = ""
        if !content.evaluationRows.isEmpty {
            body += "<p>" + escaped(content.evaluationNote) + "</p>\n"
            let numeric = content.evaluationHeader.indices.map { column in
                column > 0 && content.evaluationRows.allSatisfy { column < $0.count && Double($0[column]) != nil }
            }
            body += table(header: content.evaluationHeader, rows: content.evaluationRows, numeric: numeric)
        }
        if !content.topItems.isEmpty {
            body += "<h3>Top items per segment</h3>\n<table>\n<thead><tr><th>segment</th><th>items</th></tr></thead>\n<tbody>\n"
            for entry in content.topItems {
                body += "<tr><td>" + escaped(entry.segment) + "</td><td>" + escaped(entry.items.joined(separator: ", ")) + "</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        return section("Recommendations", body)
    }

    static func number(_ value: Double) -> String { value.isFinite ? DecimalText.format(value, decimals: 2) : "—" }

    static func percent(_ share: Double) -> String { DecimalText.format(share * 100, decimals: 1) + "%" }

    static let stylesheet = """
    :root { color-scheme: light; }
    body { margin: 0; background: #fff; color: #222; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
    main { max-width: 1040px; margin: 0 auto; padding: 24px 32px 40px; }
    h1 { font-size: 1.8em; margin: 0.2em 0 0.1em; }
    .subtitle { color: #555; margin-top: 0; }
    h2 { font-size: 1.3em; margin: 1.8em 0 0.6em; padding-bottom: 4px; border-bottom: 2px solid #0072B2; }
    h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
    table { border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0 1em; }
    th, td { padding: 4px 10px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
    thead th { background: #f2f4f6; border-bottom: 2px solid #bbb; }
    tbody th { font-weight: 600; white-space: nowrap; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.profile tr.group th, table.profile tr.group td { border-top: 2px solid #ccc; }
    table.facts th { color: #444; }
    .table-wrap { overflow-x: auto; }
    figure { margin: 1em 0 1.4em; }
    figure svg { display: block; max-width: 100%; height: auto; }
    figcaption { color: #555; font-size: 0.88em; margin-top: 4px; }
    .swatch { display: inline-block; width: 0.85em; height: 0.85em; margin-right: 6px; border-radius: 2px; vertical-align: -0.08em; }
    .swatch, .heat { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    .note { color: #555; font-size: 0.9em; }
    footer { margin-top: 3em; padding-top: 0.5em; border-top: 1px solid #ddd; color: #777; font-size: 0.85em; }
    @page { margin: 14mm; }
    @media print {
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      figure, table, tr { break-inside: avoid; }
      .table-wrap { overflow: visible; }
    }

    """
}
