import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// A 2-D scatter of the rows coloured (and shaped) by segment, with each
/// segment's centre marked and numbered.
///
/// At most `maximumPoints` rows are drawn: larger inputs are thinned by a
/// fixed stride (every ⌈n / maximumPoints⌉-th row), which keeps the file
/// small and the drawing deterministic. Centres use all rows.
public struct SegmentScatter: Sendable {
    /// The 2-D coordinates (`rows × 2`).
    public var points: Matrix
    /// One label per row; −1 is noise.
    public var labels: [Int]
    /// Segment centres in the same coordinates (`k × 2`), if known; else the
    /// mean of each segment's points is used.
    public var centers: Matrix?
    /// Horizontal axis title.
    public var xTitle: String
    /// Vertical axis title.
    public var yTitle: String
    /// Legend names per segment (default `Segment i`).
    public var names: [String]?
    /// The chart title.
    public var title: String
    /// Upper bound on the number of points drawn.
    public var maximumPoints = 5000

    /// Creates the chart data.
    public init(points: Matrix, labels: [Int], centers: Matrix? = nil, xTitle: String, yTitle: String,
                names: [String]? = nil, title: String = "Segments") {
        precondition(points.columns == 2, "the scatter needs 2-D points")
        precondition(points.rows == labels.count, "one label per point")
        self.points = points
        self.labels = labels
        self.centers = centers
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.names = names
        self.title = title
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let segmentCount = (labels.max() ?? -1) + 1
        let centers = centers ?? segmentMeans(count: segmentCount)
        var xs = (0..<points.rows).map { points[$0, 0] }
        var ys = (0..<points.rows).map { points[$0, 1] }
        xs += (0..<centers.rows).map { centers[$0, 0] }
        ys += (0..<centers.rows).map { centers[$0, 1] }
        var legend = Legend.segments(count: segmentCount, names: names, includesNoise: labels.contains { $0 < 0 })
        let legendWidth = min(340, 40 + (legend.entries.map { TextMeasure.width($0.label, size: 11) }.max() ?? 60))
        for index in legend.entries.indices {
            legend.entries[index].label = TextMeasure.truncated(legend.entries[index].label, toWidth: legendWidth - 36, size: 11)
        }
        let width = 560 + legendWidth, height = 440.0
        var svg = SVGDocument(width: width, height: height, title: title)
        svg.text(title, x: 310, y: 20, anchor: .middle, size: 13, weight: "bold")
        let frame = PlotFrame(left: 80, top: 36, width: 460, height: height - 100,
                              xRange: (xs.min() ?? 0, xs.max() ?? 1), yRange: (ys.min() ?? 0, ys.max() ?? 1))
        frame.drawAxes(in: &svg, xTitle: xTitle, yTitle: yTitle)
        let stride = max(1, (points.rows + maximumPoints - 1) / maximumPoints)
        for row in Swift.stride(from: 0, to: points.rows, by: stride) {
            let label = labels[row]
            svg.marker(Palette.marker(forSegment: label), x: frame.x(points[row, 0]), y: frame.y(points[row, 1]),
                       size: 7, fill: Palette.color(forSegment: label), opacity: 0.75)
        }
        for segment in 0..<centers.rows {
            let cx = frame.x(centers[segment, 0]), cy = frame.y(centers[segment, 1])
            svg.circle(cx: cx, cy: cy, r: 9, fill: "#ffffff", stroke: Palette.text, strokeWidth: 2)
            svg.text(String(segment), x: cx, y: cy + 4, anchor: .middle, size: 11, weight: "bold")
        }
        legend.draw(in: &svg, x: frame.left + frame.width + 20, y: frame.top)
        svg.text("circled numbers: segment centres", x: frame.left + frame.width + 20, y: frame.top + legend.height + 16, size: 10, fill: Palette.axis)
        return svg.render()
    }

    private func segmentMeans(count: Int) -> Matrix {
        var sums = Matrix(rows: count, columns: 2)
        var counts = [Int](repeating: 0, count: count)
        for (row, label) in labels.enumerated() where label >= 0 {
            sums[label, 0] += points[row, 0]
            sums[label, 1] += points[row, 1]
            counts[label] += 1
        }
        for segment in 0..<count where counts[segment] > 0 {
            sums[segment, 0] /= Double(counts[segment])
            sums[segment, 1] /= Double(counts[segment])
        }
        return sums
    }
}
