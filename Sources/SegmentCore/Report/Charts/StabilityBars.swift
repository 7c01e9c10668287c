import SegmentBase
import SegmentAlgorithms

/// Horizontal bars of each segment's bootstrap stability (mean Jaccard,
/// 0–1), with Hennig's thresholds (0.6 dissolved below, 0.75 stable, 0.85
/// highly stable) as dashed lines.
public struct StabilityBars: Sendable {
    /// The mean Jaccard of each segment, by segment id.
    public var values: [Double]
    /// The number of resamples, for the title.
    public var resamples: Int

    /// The bars of `stability`.
    public init(_ stability: BootstrapStability) {
        values = stability.segmentMeans
        resamples = stability.resamples
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let rowHeight = 26.0, labelWidth = 90.0, width = 800.0, top = 36.0
        let plotWidth = width - labelWidth - 120
        let height = top + Double(values.count) * rowHeight + 30
        let title = "Bootstrap stability of each segment (mean Jaccard over \(resamples) resamples)"
        var svg = SVGDocument(width: width, height: height, title: title)
        svg.text(title, x: width / 2, y: 20, anchor: .middle, size: 13, weight: "bold")
        let left = labelWidth + 8, bottom = top + Double(values.count) * rowHeight
        for (index, value) in values.enumerated() {
            let y = top + Double(index) * rowHeight
            svg.text("Segment \(index)", x: labelWidth, y: y + 16, anchor: .end, size: 11)
            svg.rect(x: left, y: y + 4, width: max(0, min(1, value)) * plotWidth, height: rowHeight - 8, fill: Palette.color(forSegment: index))
            svg.text(DecimalText.format(value, decimals: 2), x: left + 6 + max(0, min(1, value)) * plotWidth, y: y + 16, size: 11)
        }
        for threshold in [0.6, 0.75, 0.85] {
            let x = left + threshold * plotWidth
            svg.line(x1: x, y1: top, x2: x, y2: bottom, stroke: Palette.axis, width: 1, dashed: true)
            svg.text(formatNumber(threshold), x: x, y: bottom + 16, anchor: .middle, size: 10)
        }
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
        return svg.render()
    }
}
