import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// A rectangular plot area inside an `SVGDocument` with numeric x and y
/// axes: nice ticks, light grid lines, tick labels and axis titles.
public struct PlotFrame: Sendable {
    /// Left edge of the plot area.
    public let left: Double
    /// Top edge of the plot area.
    public let top: Double
    /// Width of the plot area.
    public let width: Double
    /// Height of the plot area.
    public let height: Double
    /// Ticks of the horizontal axis.
    public let xTicks: NiceScale
    /// Ticks of the vertical axis.
    public let yTicks: NiceScale
    /// Data → pixel map for x.
    public let x: LinearScale
    /// Data → pixel map for y (upwards).
    public let y: LinearScale

    /// A frame whose axes cover the given data ranges.
    public init(left: Double, top: Double, width: Double, height: Double,
                xRange: (Double, Double), yRange: (Double, Double), xTickCount: Int = 6, yTickCount: Int = 5) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        xTicks = NiceScale(minimum: xRange.0, maximum: xRange.1, targetTicks: xTickCount)
        yTicks = NiceScale(minimum: yRange.0, maximum: yRange.1, targetTicks: yTickCount)
        x = LinearScale(domain: (xTicks.lower, xTicks.upper), range: (left, left + width))
        y = LinearScale(domain: (yTicks.lower, yTicks.upper), range: (top + height, top))
    }

    /// Draws grid lines, both axes with ticks and labels, and the axis titles.
    /// `xLabels` replaces numeric x tick labels (e.g. `k` values) when given.
    public func drawAxes(in svg: inout SVGDocument, xTitle: String, yTitle: String,
                         xLabels: [(value: Double, label: String)]? = nil) {
        let bottom = top + height
        for tick in yTicks.ticks {
            let position = y(tick)
            svg.line(x1: left, y1: position, x2: left + width, y2: position, stroke: Palette.grid)
            svg.line(x1: left - 4, y1: position, x2: left, y2: position, stroke: Palette.axis)
            svg.text(yTicks.label(tick), x: left - 7, y: position + 4, anchor: .end, size: 11)
        }
        let xMarks = xLabels ?? xTicks.ticks.map { ($0, xTicks.label($0)) }
        for mark in xMarks {
            let position = x(mark.value)
            svg.line(x1: position, y1: bottom, x2: position, y2: bottom + 4, stroke: Palette.axis)
            svg.text(mark.label, x: position, y: bottom + 17, anchor: .middle, size: 11)
        }
        svg.line(x1: left, y1: bottom, x2: left + width, y2: bottom, stroke: Palette.axis)
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
        svg.text(xTitle, x: left + width / 2, y: bottom + 36, anchor: .middle, size: 12)
        let labelWidth = yTicks.ticks.map { Double(yTicks.label($0).count) * 6.5 }.max() ?? 20
        svg.text(yTitle, x: left - labelWidth - 18, y: top + height / 2, anchor: .middle, size: 12, rotation: -90)
    }
}
