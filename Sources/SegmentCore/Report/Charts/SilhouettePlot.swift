import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// The silhouette plot of P. J. Rousseeuw, "Silhouettes: a graphical aid to
/// the interpretation and validation of cluster analysis" (1987): per
/// segment, the samples' silhouette values sorted in decreasing order as a
/// horizontal band, with the overall mean as a dashed line.
///
/// Each band is drawn as one polygon with at most one step per pixel row, so
/// the file stays small for any number of samples.
public struct SilhouettePlot: Sendable {
    /// One silhouette value per sample.
    public var samples: [Double]
    /// One segment label per sample; negative labels (noise) are left out.
    public var labels: [Int]

    /// Creates the chart data.
    public init(samples: [Double], labels: [Int]) {
        precondition(samples.count == labels.count, "one label per silhouette value")
        self.samples = samples
        self.labels = labels
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let segmentCount = (labels.max() ?? -1) + 1
        var groups = [[Double]](repeating: [], count: segmentCount)
        for (value, label) in zip(samples, labels) where label >= 0 { groups[label].append(value) }
        for index in groups.indices { groups[index].sort(by: >) }
        let kept = groups.reduce(0) { $0 + $1.count }
        let mean = kept == 0 ? 0 : zip(samples, labels).reduce(0) { $1.1 >= 0 ? $0 + $1.0 : $0 } / Double(kept)

        let width = 640.0, height = 420.0
        let gap = 6.0
        var svg = SVGDocument(width: width, height: height, title: "Silhouette plot")
        svg.text("Silhouette per segment (mean \(DecimalText.format(mean, decimals: 3)))", x: width / 2, y: 20,
                 anchor: .middle, size: 13, weight: "bold")
        let lowest = min(-0.1, groups.compactMap(\.last).min() ?? 0)
        let frame = PlotFrame(left: 90, top: 36, width: width - 120, height: height - 90,
                              xRange: (lowest, 1), yRange: (0, 1))
        drawXAxis(frame: frame, in: &svg)
        let available = frame.height - gap * Double(max(0, segmentCount + 1))
        var bandTop = frame.top + gap
        let zero = frame.x(0)
        for (segment, values) in groups.enumerated() where !values.isEmpty {
            let bandHeight = kept == 0 ? 0 : available * Double(values.count) / Double(kept)
            let steps = max(1, min(values.count, Int(bandHeight.rounded(.up))))
            var outline: [(x: Double, y: Double)] = [(zero, bandTop)]
            for step in 0..<steps {
                let value = values[step * values.count / steps]
                let y0 = bandTop + bandHeight * Double(step) / Double(steps)
                let y1 = bandTop + bandHeight * Double(step + 1) / Double(steps)
                outline.append((frame.x(value), y0))
                outline.append((frame.x(value), y1))
            }
            outline.append((zero, bandTop + bandHeight))
            svg.polygon(outline, fill: Palette.color(forSegment: segment))
            svg.text("Segment \(segment)", x: frame.left - 8, y: bandTop + bandHeight / 2 + 4, anchor: .end, size: 11)
            bandTop += bandHeight + gap
        }
        let meanX = frame.x(mean)
        svg.line(x1: meanX, y1: frame.top, x2: meanX, y2: frame.top + frame.height, stroke: Palette.highlight, width: 1.5, dashed: true)
        svg.line(x1: zero, y1: frame.top, x2: zero, y2: frame.top + frame.height, stroke: Palette.axis)
        return svg.render()
    }

    private func drawXAxis(frame: PlotFrame, in svg: inout SVGDocument) {
        let bottom = frame.top + frame.height
        for tick in frame.xTicks.ticks {
            let position = frame.x(tick)
            svg.line(x1: position, y1: frame.top, x2: position, y2: bottom, stroke: Palette.grid)
            svg.line(x1: position, y1: bottom, x2: position, y2: bottom + 4, stroke: Palette.axis)
            svg.text(frame.xTicks.label(tick), x: position, y: bottom + 17, anchor: .middle, size: 11)
        }
        svg.line(x1: frame.left, y1: bottom, x2: frame.left + frame.width, y2: bottom, stroke: Palette.axis)
        svg.text("silhouette value (dashed: mean)", x: frame.left + frame.width / 2, y: bottom + 36, anchor: .middle, size: 12)
    }
}
