import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// The k-selection curves: inertia against k with the knee marked and, when
/// available, the mean silhouette against k; the chosen k is a dashed line
/// on both panels.
public struct KSelectionChart: Sendable {
    /// The candidate numbers of segments, ascending.
    public var ks: [Int]
    /// Inertia (within-segment sum of squares) for each k.
    public var inertia: [Double]
    /// Mean silhouette for each k (`nil` where not computed).
    public var silhouette: [Double?]
    /// The knee of the inertia curve, if found.
    public var knee: Int?
    /// The k the analysis used.
    public var chosen: Int?
    /// The gap statistic and its standard error for each k, when computed.
    public var gap: [(gap: Double, standardError: Double)] = []
    /// The k the gap rule picks, marked on its panel.
    public var gapChoice: Int?

    /// Creates the chart data; `inertia` and `silhouette` (if not empty) have one value per k.
    public init(ks: [Int], inertia: [Double], silhouette: [Double?] = [], knee: Int? = nil, chosen: Int? = nil) {
        precondition(ks.count == inertia.count, "one inertia value per k")
        precondition(silhouette.isEmpty || silhouette.count == ks.count, "one silhouette value per k")
        self.ks = ks
        self.inertia = inertia
        self.silhouette = silhouette
        self.knee = knee
        self.chosen = chosen
    }

    static let panelWidth = 400.0
    static let panelHeight = 300.0

    /// The chart as an SVG element.
    public func svg() -> String {
        let hasSilhouette = silhouette.contains { $0 != nil }
        let panels = 1 + (hasSilhouette ? 1 : 0) + (gap.isEmpty ? 0 : 1)
        let width = Self.panelWidth * Double(panels)
        var svg = SVGDocument(width: width, height: Self.panelHeight, title: "Choosing the number of segments")
        let inertiaPoints = zip(ks, inertia).map { (k: Double($0), value: $1) }
        drawPanel(in: &svg, offset: 0, title: "Inertia (elbow)", yTitle: "inertia",
                  points: inertiaPoints, color: Palette.colors[0], marked: knee, markLabel: "knee")
        if hasSilhouette {
            let points = zip(ks, silhouette).compactMap { k, value in value.map { (k: Double(k), value: $0) } }
            let best = points.max { $0.value < $1.value }.map { Int($0.k) }
            drawPanel(in: &svg, offset: Self.panelWidth, title: "Mean silhouette (higher is better)", yTitle: "silhouette",
                      points: points, color: Palette.colors[2], marked: best, markLabel: "best")
        }
        if !gap.isEmpty {
            let points = zip(ks, gap).map { (k: Double($0), value: $1.gap) }
            let bars = zip(ks, gap).map { (k: Double($0), low: $1.gap - $1.standardError, high: $1.gap + $1.standardError) }
            drawPanel(in: &svg, offset: Self.panelWidth * Double(panels - 1), title: "Gap statistic (± 1 standard error)", yTitle: "gap",
                      points: points, color: Palette.colors[1], marked: gapChoice, markLabel: "gap rule", errorBars: bars)
        }
        return svg.render()
    }

    private func drawPanel(in svg: inout SVGDocument, offset: Double, title: String, yTitle: String,
                           points: [(k: Double, value: Double)], color: String, marked: Int?, markLabel: String,
                           errorBars: [(k: Double, low: Double, high: Double)] = []) {
        let values = points.map(\.value) + errorBars.flatMap { [$0.low, $0.high] }
        let kLow = Double(ks.first ?? 1), kHigh = Double(ks.last ?? 2)
        let frame = PlotFrame(left: offset + 78, top: 40, width: Self.panelWidth - 100, height: Self.panelHeight - 95,
                              xRange: (kLow, kHigh), yRange: (values.min() ?? 0, values.max() ?? 1))
        svg.text(title, x: offset + Self.panelWidth / 2, y: 20, anchor: .middle, size: 13, weight: "bold")
        frame.drawAxes(in: &svg, xTitle: "number of segments k", yTitle: yTitle,
                       xLabels: ks.map { (Double($0), String($0)) })
        if let chosen {
            let position = frame.x(Double(chosen))
            svg.line(x1: position, y1: frame.top, x2: position, y2: frame.top + frame.height,
                     stroke: Palette.axis, width: 1.2, dashed: true)
            let label = "chosen k = \(chosen)"
            let labelWidth = TextMeasure.width(label, size: 11)
            // At the top of the panel unless points (with their marks) crowd it there more than at the bottom.
            func crowding(atBaseline baseline: Double) -> Int {
                points.filter { point in
                    let px = frame.x(point.k), py = frame.y(point.value)
                    return px >= position - 10 && px <= position + labelWidth + 14 && py >= baseline - 24 && py <= baseline + 14
                }.count
            }
            let top = frame.top + 12, bottom = frame.top + frame.height - 6
            let baseline = crowding(atBaseline: top) <= crowding(atBaseline: bottom) ? top : bottom
            svg.text(label, x: position + 4, y: baseline, size: 11)
        }
        for bar in errorBars {
            let x = frame.x(bar.k)
            svg.line(x1: x, y1: frame.y(bar.low), x2: x, y2: frame.y(bar.high), stroke: color, width: 1.2)
            for y in [bar.low, bar.high] { svg.line(x1: x - 4, y1: frame.y(y), x2: x + 4, y2: frame.y(y), stroke: color, width: 1.2) }
        }
        svg.polyline(points.map { (frame.x($0.k), frame.y($0.value)) }, stroke: color)
        for point in points {
            svg.circle(cx: frame.x(point.k), cy: frame.y(point.value), r: 3.5, fill: color)
        }
        if let marked, let point = points.first(where: { Int($0.k) == marked }) {
            let px = frame.x(point.k), py = frame.y(point.value)
            svg.circle(cx: px, cy: py, r: 7, fill: "none", stroke: Palette.highlight, strokeWidth: 2)
            // Below the point when it is near the top, where the "chosen" label sits.
            let labelY = py < frame.top + 30 ? py + 20 : py - 10
            svg.text("\(markLabel) k = \(marked)", x: px + 10, y: labelY, size: 11, weight: "bold", fill: Palette.highlight)
        }
    }
}
