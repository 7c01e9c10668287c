import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// A chart legend: one row per entry with its marker and label.
public struct Legend: Sendable {
    /// One legend row.
    public struct Entry: Sendable {
        /// The label text.
        public var label: String
        /// Fill colour of the marker.
        public var color: String
        /// Marker shape.
        public var shape: MarkerShape

        /// Creates an entry.
        public init(label: String, color: String, shape: MarkerShape = .square) {
            self.label = label
            self.color = color
            self.shape = shape
        }
    }

    /// The rows, top to bottom.
    public var entries: [Entry]

    /// Creates a legend.
    public init(entries: [Entry]) { self.entries = entries }

    /// The legend for `count` segments (`Segment 0`, …), plus noise when asked.
    public static func segments(count: Int, names: [String]? = nil, includesNoise: Bool = false) -> Legend {
        var entries = (0..<count).map { index in
            Entry(label: names.map { $0[index] } ?? "Segment \(index)",
                  color: Palette.color(forSegment: index), shape: Palette.marker(forSegment: index))
        }
        if includesNoise { entries.append(Entry(label: "Noise", color: Palette.muted, shape: .circle)) }
        return Legend(entries: entries)
    }

    /// Height of the legend when drawn.
    public var height: Double { Double(entries.count) * Self.rowHeight }

    static let rowHeight = 18.0

    /// Draws the legend with its top-left corner at (`x`, `y`).
    public func draw(in svg: inout SVGDocument, x: Double, y: Double) {
        for (index, entry) in entries.enumerated() {
            let rowY = y + Double(index) * Self.rowHeight + Self.rowHeight / 2
            svg.marker(entry.shape, x: x + 6, y: rowY, size: 10, fill: entry.color)
            svg.text(entry.label, x: x + 16, y: rowY + 4, size: 11)
        }
    }
}
