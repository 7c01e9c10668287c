import SegmentCore

/// Explains a k selection in words for standard error (used by `cluster
/// --k auto` and `elbow`).
enum KSelectionReport {
    /// Lines naming the knee, the best k by each criterion and the k that
    /// `criterion` takes, with the values behind each.
    static func lines(_ selection: KSelection, criterion: SelectionCriterion) -> [String] {
        let range = "k=\(selection.candidates.first!.k)..\(selection.candidates.last!.k)"
        var lines: [String] = []
        if let knee = selection.knee {
            lines.append("knee of the inertia curve (Kneedle): k=\(knee)")
        } else {
            lines.append("the inertia curve has no knee over \(range)")
        }
        let stability: [SelectionCriterion] = selection.candidates.contains { $0.stability != nil } ? [.stability] : []
        for other in [SelectionCriterion.silhouette, .calinskiHarabasz, .daviesBouldin] + stability {
            let direction = other == .daviesBouldin ? "lowest" : "highest"
            if let k = selection.best(by: other), let candidate = selection.candidate(k: k) {
                lines.append("\(direction) \(other.rawValue): k=\(k) (\(format(value(of: other, in: candidate))))")
            } else {
                lines.append("\(other.rawValue) is not defined for any k in \(range)")
            }
        }
        if let gap = selection.gap {
            let k = gap.choice(by: selection.gapRule)
            let value = gap.values.first { $0.k == k }!
            lines.append("gap statistic (\(selection.gapRule.rawValue), B=\(gap.referenceSets)): k=\(k) (gap \(format(value.gap)) ± \(format(value.standardError)))")
        }
        let choice = selection.choice(by: criterion)
        var verdict = "--k auto --select \(criterion.rawValue) takes k=\(choice.k) over \(range)"
        if choice.fellBack { verdict += " (\(criterion.rawValue) gave no answer, so the highest silhouette decides)" }
        lines.append(verdict)
        if let rows = selection.candidates.first?.fit.labels.count, rows > selection.silhouetteRows {
            lines.append("silhouettes computed on a random sample of \(selection.silhouetteRows) of \(rows) rows")
        }
        return lines
    }

    /// Each segment's bootstrap stability with Hennig's reading, and the mean.
    static func stabilityLines(_ stability: BootstrapStability) -> [String] {
        let segments = stability.segmentMeans.enumerated().map { segment, value in
            "segment \(segment) \(format(value)) (\(reading(of: value)))"
        }
        return ["bootstrap stability (mean Jaccard over \(stability.resamples) resamples, as fpc::clusterboot): " + segments.joined(separator: ", "),
                "mean stability \(format(stability.overall)); below 0.6 a segment dissolves, 0.6-0.75 is a pattern, above 0.75 stable, above 0.85 highly stable"]
    }

    /// Hennig's reading of a mean Jaccard similarity.
    static func reading(of stability: Double) -> String {
        switch stability {
        case ..<0.6: return "dissolved"
        case ..<0.75: return "a pattern"
        case ...0.85: return "stable"
        default: return "highly stable"
        }
    }

    /// The value of `criterion` for a candidate (inertia for the elbow).
    static func value(of criterion: SelectionCriterion, in candidate: KSelection.Candidate) -> Double? {
        switch criterion {
        case .silhouette: return candidate.silhouette
        case .elbow: return candidate.fit.inertia
        case .calinskiHarabasz: return candidate.calinskiHarabasz
        case .daviesBouldin: return candidate.daviesBouldin
        case .gap: return nil
        case .stability: return candidate.stability
        }
    }

    /// A value with four decimals, or `n/a`.
    static func format(_ value: Double?) -> String {
        value.map { formatNumber($0, decimals: 4) } ?? "n/a"
    }
}
