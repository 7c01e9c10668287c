import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("HTML report")
struct HTMLReportTests {
    /// Every section filled from the mall references: profiles of the scikit-learn
    /// k = 5 labelling, its elbow curve and silhouette samples (kmeans_mall.json),
    /// SciPy's Ward tree of the 40 linkage points (linkage.json), a recommendation table.
    static func fullContent() throws -> ReportContent {
        let table = try ReportTestSupport.table("reference/mall_kmeans5_segments.csv")
        let features = ["Age", "Annual Income (k$)", "Spending Score (1-100)"].map { table.columnIndex(named: $0)! }
        var content = try LabelledTableReport.content(
            table: table, labels: SegmentLabels(table: table, labelColumn: table.columnIndex(named: "segment")!), featureColumns: features,
            categoryColumns: [table.columnIndex(named: "Gender")!], title: "Mall customers", generator: "segment test")
        let chart = try ChartTests.mallKSelection()
        content.kSelection = KSelectionSection(chart: chart, explanation: KSelectionSection.explanation(for: chart, criterion: "the silhouette"))
        let k5 = try ReportTestSupport.reference("kmeans_mall.json")["k5"] as! [String: Any]
        let rawLabels = k5["labels"] as! [Int]
        let relabel = SegmentNumbering(rawLabels: rawLabels).newLabel
        content.silhouette = SilhouetteSection(plot: SilhouettePlot(samples: k5["silhouette_samples"] as! [Double], labels: rawLabels.map { relabel[$0] }))
        let ward = (try ReportTestSupport.reference("linkage.json")["methods"] as! [String: Any])["ward"] as! [[Double]]
        content.dendrogram = Dendrogram(merges: ward.map { .init(left: Int($0[0]), right: Int($0[1]), distance: $0[2], size: Int($0[3])) },
                                        leafCount: 20, segmentCount: 5)
        content.recommendations = RecommendationSection(
            evaluationHeader: ["method", "precision@10", "recall@10"],
            evaluationRows: [["tfidf", "0.21", "0.34"], ["popular <baseline>", "0.12", "0.2"]],
            topItems: [("0 · average", ["socks", "hats"]), ("1 · high", ["watch"])])
        return content
    }

    @Test("a full report: well-formed charts, every segment, no scripts or external references")
    func structure() throws {
        let html = HTMLReport.render(try Self.fullContent())
        let svgs = ReportTestSupport.svgElements(in: html)
        #expect(svgs.count == 6)  // sizes, k selection, scatter, silhouette, dendrogram, heat map
        for svg in svgs { #expect(ReportTestSupport.xmlElements(svg) != nil) }
        for segment in 0..<5 {
            #expect(html.contains(">segment \(segment)</th>"))
            #expect(html.contains(">Segment \(segment)</text>"))
        }
        #expect(html.contains("<strong>high income · low spending</strong>"))
        #expect(html.contains("k = 5 was chosen by the silhouette. The inertia curve bends most (its knee) at k = 5."))
        #expect(html.contains("popular &lt;baseline&gt;"))
        let lowered = html.lowercased()
        for forbidden in ["<script", "src=", "href=", "url(", "@import", "<link", "<iframe", "<img"] {
            #expect(!lowered.contains(forbidden), "found \(forbidden)")
        }
        let external = lowered.components(separatedBy: "http").count - 1
        let namespaces = lowered.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        #expect(external == namespaces)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test("the same content renders byte-identically")
    func deterministic() throws {
        let first = HTMLReport.render(try Self.fullContent())
        let second = HTMLReport.render(try Self.fullContent())
        #expect(first == second)
        if let directory = ProcessInfo.processInfo.environment["SEGMENT_REPORT_PREVIEW"] {
            try first.write(toFile: directory + "/full-report.html", atomically: true, encoding: .utf8)
        }
    }

    @Test("sections are optional")
    func minimal() {
        let html = HTMLReport.render(ReportContent(title: "T & U", subtitle: "s", generator: "g"))
        #expect(ReportTestSupport.svgElements(in: html).isEmpty)
        #expect(html.contains("<h1>T &amp; U</h1>"))
        #expect(!html.contains("<section>"))
    }
}
