import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("Charts")
struct ChartTests {
    /// Elbow data of the mall fixture (income, spending, unscaled) from
    /// Fixtures/reference/kmeans_mall.json (scikit-learn KMeans, k = 2…10).
    static func mallKSelection() throws -> KSelectionChart {
        let perK = try ReportTestSupport.reference("kmeans_mall.json")["per_k"] as! [[String: Any]]
        return KSelectionChart(ks: perK.map { $0["k"] as! Int }, inertia: perK.map { $0["inertia"] as! Double },
                               silhouette: perK.map { $0["silhouette"] as? Double }, knee: 5, chosen: 5)
    }

    @Test("k-selection: two panels, the knee and the chosen k marked, well-formed")
    func kSelection() throws {
        let svg = try Self.mallKSelection().svg()
        #expect(ReportTestSupport.xmlElements(svg) != nil)
        #expect(svg.contains(">knee k = 5</text>"))
        #expect(svg.contains(">best k = 5</text>"))
        #expect(svg.components(separatedBy: ">chosen k = 5</text>").count == 3)
        #expect(svg.components(separatedBy: "<polyline").count == 3)
        let inertiaOnly = KSelectionChart(ks: [2, 3, 4], inertia: [30, 12, 10], knee: 3).svg()
        #expect(inertiaOnly.contains("width=\"400\""))
        #expect(!inertiaOnly.contains("silhouette"))
    }

    @Test("k-selection: the chosen-k label leaves the top of a panel whose best point sits there")
    func chosenLabelAvoidsPeak() {
        // Silhouette peaks at the chosen k at the very top of its panel (0.36 is a tick of the nice scale).
        let svg = KSelectionChart(ks: [2, 3, 4, 5, 6], inertia: [60, 40, 30, 25, 22], silhouette: [0.32, 0.27, 0.36, 0.34, 0.33],
                                  knee: 3, chosen: 4).svg()
        #expect(ReportTestSupport.xmlElements(svg) != nil)
        let labels = svg.components(separatedBy: "<text ").filter { $0.contains(">chosen k = 4</text>") }
        #expect(labels.count == 2)
        #expect(labels[0].contains("y=\"52\""))   // inertia panel: top (frame top 40 + 12)
        #expect(labels[1].contains("y=\"239\""))  // silhouette panel: bottom (40 + 205 − 6)
    }

    @Test("silhouette plot: one band per segment, noise left out")
    func silhouette() throws {
        let reference = try ReportTestSupport.reference("kmeans_mall.json")["k5"] as! [String: Any]
        let samples = reference["silhouette_samples"] as! [Double]
        let labels = reference["labels"] as! [Int]
        let svg = SilhouettePlot(samples: samples, labels: labels).svg()
        #expect(ReportTestSupport.xmlElements(svg) != nil)
        #expect(svg.components(separatedBy: "<polygon").count == 6)
        #expect(svg.contains("(mean 0.554)"))
        let withNoise = SilhouettePlot(samples: [0.5, 0.4, 0.9, 0.1], labels: [0, 0, 1, -1]).svg()
        #expect(withNoise.components(separatedBy: "<polygon").count == 3)
        #expect(withNoise.contains("(mean 0.6)"))
    }

    @Test("scatter: every segment in the legend, centres numbered, large inputs thinned")
    func scatter() {
        var storage: [Double] = []
        var labels: [Int] = []
        for row in 0..<12_000 {
            storage += [Double(row % 100), Double(row / 100)]
            labels.append(row % 3)
        }
        let chart = SegmentScatter(points: Matrix(rows: 12_000, columns: 2, storage: storage), labels: labels,
                                   xTitle: "x", yTitle: "y")
        let svg = chart.svg()
        #expect(ReportTestSupport.xmlElements(svg) != nil)
        for segment in 0..<3 { #expect(svg.contains(">Segment \(segment)</text>")) }
        // 12 000 rows, at most 5 000 drawn: every 3rd row (4 000 markers) plus 3 centres.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4_000 + 3 + 3)
    }

    /// A hand-made tree over 5 rows: (0,1) at 1, (2,3) at 2, (5,6) at 3, (4,7) at 4.
    static let merges = [
        LinkageMatrix.Merge(left: 0, right: 1, distance: 1, size: 2),
        LinkageMatrix.Merge(left: 2, right: 3, distance: 2, size: 2),
        LinkageMatrix.Merge(left: 5, right: 6, distance: 3, size: 4),
        LinkageMatrix.Merge(left: 4, right: 7, distance: 4, size: 5),
    ]

    @Test("dendrogram layout: leaves left-first from the root, truncated like SciPy's lastp")
    func dendrogramLayout() {
        let full = Dendrogram(merges: Self.merges, leafCount: 30).layout()
        #expect(full.leaves == ["4", "0", "1", "2", "3"])
        #expect(full.links.count == 4)
        #expect(full.links.last!.left.x == 0 && full.links.last!.right.x == 2.5)
        let top = Dendrogram(merges: Self.merges, leafCount: 3).layout()
        #expect(top.leaves == ["4", "(2)", "(2)"])
        #expect(top.links.map(\.height) == [3, 4])
    }

    @Test("dendrogram: well-formed, with the cut for k segments")
    func dendrogramSVG() {
        let svg = Dendrogram(merges: Self.merges, leafCount: 30, segmentCount: 2).svg()
        #expect(ReportTestSupport.xmlElements(svg) != nil)
        #expect(svg.contains(">cut: 2 segments</text>"))
        #expect(svg.components(separatedBy: "<polyline").count == 5)
    }

    @Test("size bars and heat map show every segment")
    func sizesAndHeatmap() {
        let bars = SegmentSizeBars(sizes: [81, 39], names: ["0 · a", "1 · b"], noise: 3).svg()
        #expect(ReportTestSupport.xmlElements(bars) != nil)
        #expect(bars.contains(">81 (65.9%)</text>"))
        #expect(bars.contains(">Noise</text>"))
        let heatmap = ProfileHeatmap(segmentNames: ["0", "1"], featureNames: ["Age", "Annual Income (k$)"],
                                     differences: [[0.28, -1.3], [0, 2.5]]).svg()
        #expect(ReportTestSupport.xmlElements(heatmap) != nil)
        #expect(heatmap.contains(">-1.3</text>"))
        #expect(heatmap.contains(">+0.28</text>"))
        #expect(ProfileHeatmap.color(for: 0) == "#ffffff")
        #expect(ProfileHeatmap.color(for: -2) == "#0072b2")
        #expect(ProfileHeatmap.color(for: 9) == "#e69f00")
    }

    @Test("terminal chart: eighth blocks, marks for the knee and the chosen k")
    func terminal() {
        #expect(TerminalChart.bar(1, maximum: 1, width: 4) == "████")
        #expect(TerminalChart.bar(0.5625, maximum: 1, width: 2) == "█▏")
        #expect(TerminalChart.bar(0, maximum: 1, width: 4) == "")
        let text = TerminalChart.elbow(ks: [2, 3], inertia: [100, 50], silhouette: [0.3, 0.5], knee: 3, chosen: 3, width: 8)
        #expect(text == """
        inertia (lower is tighter)
        k=2 │████████ 100
        k=3 │████     50  ◀ knee ◀ chosen

        mean silhouette (higher is better)
        k=2 │████▊    0.3
        k=3 │████████ 0.5  ◀ knee ◀ chosen

        """)
    }
}
