import SegmentBase
import SegmentAlgorithms

/// Per segment, two bars side by side: its share of the customers and its
/// share of their summed lifetime value, so a small segment worth much (or
/// a large one worth little) stands out.
public struct ValueShareBars: Sendable {
    /// Bar labels, one per segment.
    public var names: [String]
    /// Each segment's share of the customers (0–1).
    public var customerShares: [Double]
    /// Each segment's share of the summed lifetime value (0–1).
    public var valueShares: [Double]

    /// The bars of the regular (non-noise) segments of `profiles` that carry customer value.
    public init?(_ profiles: SegmentProfiles) {
        let regular = profiles.segments.filter { !$0.isNoise && $0.customerValue != nil }
        guard !regular.isEmpty else { return nil }
        names = regular.map { "\($0.label) · \($0.persona)" }
        customerShares = regular.map(\.share)
        valueShares = regular.map { $0.customerValue!.clvShare }
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let rowHeight = 40.0, width = 800.0, top = 52.0
        let labelWidth = min(300, max(90, (names.map { TextMeasure.width($0, size: 11) }.max() ?? 60) + 12))
        let plotWidth = width - labelWidth - 90
        let height = top + Double(names.count) * rowHeight + 10
        let title = "Share of customers and share of lifetime value per segment"
        var svg = SVGDocument(width: width, height: height, title: title)
        svg.text(title, x: width / 2, y: 20, anchor: .middle, size: 13, weight: "bold")
        let left = labelWidth + 8
        svg.rect(x: left, y: 30, width: 12, height: 10, fill: Palette.muted)
        svg.text("customers", x: left + 16, y: 39, size: 10)
        svg.rect(x: left + 90, y: 30, width: 12, height: 10, fill: Palette.color(forSegment: 0))
        svg.text("lifetime value (segment colour)", x: left + 106, y: 39, size: 10)
        let largest = max(customerShares.max() ?? 0, valueShares.max() ?? 0, 1e-9)
        for index in names.indices {
            let y = top + Double(index) * rowHeight
            svg.text(TextMeasure.truncated(names[index], toWidth: labelWidth - 6, size: 11), x: labelWidth, y: y + 20, anchor: .end, size: 11)
            for (offset, share, fill) in [(0.0, customerShares[index], Palette.muted), (16.0, valueShares[index], Palette.color(forSegment: index))] {
                let length = max(0, share) / largest * plotWidth
                svg.rect(x: left, y: y + 3 + offset, width: length, height: 14, fill: fill)
                svg.text(DecimalText.format(share * 100, decimals: 1) + "%", x: left + 6 + length, y: y + 14 + offset, size: 10)
            }
        }
        svg.line(x1: left, y1: top, x2: left, y2: height - 6, stroke: Palette.axis)
        return svg.render()
    }
}
