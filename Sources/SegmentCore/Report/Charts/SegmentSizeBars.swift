import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Horizontal bars of segment sizes, labelled with the count and share.
public struct SegmentSizeBars: Sendable {
    /// Rows per segment, by segment id.
    public var sizes: [Int]
    /// Optional bar labels (e.g. personas); default `Segment i`.
    public var names: [String]?
    /// Rows not in any segment (noise), drawn as a last grey bar when positive.
    public var noise: Int

    /// Creates the chart data.
    public init(sizes: [Int], names: [String]? = nil, noise: Int = 0) {
        precondition(names == nil || names!.count == sizes.count, "one name per segment")
        self.sizes = sizes
        self.names = names
        self.noise = noise
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        var bars = sizes.enumerated().map { index, size in
            (label: names?[index] ?? "Segment \(index)", size: size, color: Palette.color(forSegment: index))
        }
        if noise > 0 { bars.append((label: "Noise", size: noise, color: Palette.muted)) }
        let total = max(1, bars.reduce(0) { $0 + $1.size })
        let rowHeight = 26.0
        let labelWidth = min(300, max(90, (bars.map { TextMeasure.width($0.label, size: 11) }.max() ?? 60) + 12))
        let width = 800.0
        let top = 36.0
        let plotWidth = width - labelWidth - 110
        let height = top + Double(bars.count) * rowHeight + 14
        var svg = SVGDocument(width: width, height: height, title: "Segment sizes")
        svg.text("Segment sizes", x: width / 2, y: 20, anchor: .middle, size: 13, weight: "bold")
        let largest = Double(bars.map(\.size).max() ?? 1)
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            let length = largest > 0 ? Double(bar.size) / largest * plotWidth : 0
            svg.text(TextMeasure.truncated(bar.label, toWidth: labelWidth - 6, size: 11), x: labelWidth, y: y + 16, anchor: .end, size: 11)
            svg.rect(x: labelWidth + 8, y: y + 4, width: length, height: rowHeight - 8, fill: bar.color)
            let share = DecimalText.format(Double(bar.size) / Double(total) * 100, decimals: 1)
            svg.text("\(bar.size) (\(share)%)", x: labelWidth + 14 + length, y: y + 16, size: 11)
        }
        svg.line(x1: labelWidth + 8, y1: top, x2: labelWidth + 8, y2: height - 10, stroke: Palette.axis)
        return svg.render()
    }
}
