import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// A grid of segments (rows) against features (columns) where each cell
/// shows how far the segment's mean lies from the overall mean, in overall
/// standard deviations, on a diverging blue–orange scale (both ends stay
/// distinct for colour-blind readers; the value is printed in every cell).
public struct ProfileHeatmap: Sendable {
    /// Row labels (e.g. `0 · high income · low spending`).
    public var segmentNames: [String]
    /// Column labels (feature names).
    public var featureNames: [String]
    /// `differences[segment][feature]` in standard deviations.
    public var differences: [[Double]]

    /// Creates the chart data.
    public init(segmentNames: [String], featureNames: [String], differences: [[Double]]) {
        precondition(differences.count == segmentNames.count, "one row of differences per segment")
        precondition(differences.allSatisfy { $0.count == featureNames.count }, "one difference per feature")
        self.segmentNames = segmentNames
        self.featureNames = featureNames
        self.differences = differences
    }

    /// The fill for a difference: white at 0, saturating at ±2 standard
    /// deviations towards blue (#0072B2, below) or orange (#E69F00, above).
    public static func color(for difference: Double) -> String {
        let t = min(1, abs(difference.isFinite ? difference : 0) / 2)
        let target: (Double, Double, Double) = difference < 0 ? (0, 114, 178) : (230, 159, 0)
        func channel(_ end: Double) -> String {
            let value = Int((255 + (end - 255) * t).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(target.0) + channel(target.1) + channel(target.2)
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let labelWidth = min(320, max(100, (segmentNames.map { TextMeasure.width($0, size: 11) }.max() ?? 60) + 16))
        let cellWidth = max(70, min(150, 620 / Double(max(1, featureNames.count))))
        let cellHeight = 30.0
        let headerHeight = 72.0
        let width = labelWidth + cellWidth * Double(featureNames.count) + 20
        let height = headerHeight + cellHeight * Double(segmentNames.count) + 40
        var svg = SVGDocument(width: width, height: height, title: "Segment profiles against the overall mean")
        svg.text("Difference from the overall mean (standard deviations)", x: width / 2, y: 20, anchor: .middle, size: 13, weight: "bold")
        for (column, name) in featureNames.enumerated() {
            let x = labelWidth + cellWidth * (Double(column) + 0.5)
            let lines = Self.wrap(name, width: Int(cellWidth / 6.5)).prefix(3)
            for (line, part) in lines.enumerated() {
                svg.text(part, x: x, y: headerHeight - 8 - Double(lines.count - 1 - line) * 13, anchor: .middle, size: 11)
            }
        }
        for (row, name) in segmentNames.enumerated() {
            let y = headerHeight + cellHeight * Double(row)
            svg.text(TextMeasure.truncated(name, toWidth: labelWidth - 12, size: 11), x: labelWidth - 8, y: y + cellHeight / 2 + 4, anchor: .end, size: 11)
            for column in featureNames.indices {
                let value = differences[row][column]
                let x = labelWidth + cellWidth * Double(column)
                svg.rect(x: x, y: y, width: cellWidth - 2, height: cellHeight - 2, fill: Self.color(for: value))
                let sign = value > 0.005 ? "+" : ""
                svg.text(sign + DecimalText.format(value, decimals: 2), x: x + cellWidth / 2 - 1, y: y + cellHeight / 2 + 4,
                         anchor: .middle, size: 11, weight: abs(value) >= Persona.threshold ? "bold" : nil)
            }
        }
        svg.text("blue: below average · orange: above average · bold: at least \(DecimalText.format(Persona.threshold)) sd",
                 x: labelWidth, y: height - 12, size: 10, fill: Palette.axis)
        return svg.render()
    }

    /// Splits `text` at spaces into lines of at most about `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
