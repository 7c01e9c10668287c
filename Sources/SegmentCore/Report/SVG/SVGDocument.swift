import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// A minimal SVG writer: elements are appended in drawing order and
/// serialised with fixed-decimal coordinates, so the same drawing always
/// yields byte-identical text.
///
/// Coordinates are in user units with the origin at the top left and `y`
/// growing downwards. Text uses the generic `sans-serif` family so the file
/// needs no fonts or network access.
public struct SVGDocument: Sendable {
    /// Horizontal anchoring of text.
    public enum TextAnchor: String, Sendable {
        /// Text starts at the point.
        case start
        /// Text is centred on the point.
        case middle
        /// Text ends at the point.
        case end
    }

    /// Width in user units (and CSS pixels).
    public let width: Double
    /// Height in user units (and CSS pixels).
    public let height: Double
    /// The accessible title of the chart.
    public let title: String
    private var body = ""

    /// Creates an empty drawing of the given size.
    public init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// Formats a coordinate or length.
    static func number(_ value: Double) -> String { DecimalText.format(value, decimals: 2) }

    /// A line from (`x1`, `y1`) to (`x2`, `y2`).
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                              width: Double = 1, dashed: Bool = false) {
        body += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
        if dashed { body += " stroke-dasharray=\"4 3\"" }
        body += "/>\n"
    }

    /// A rectangle; `stroke` is optional.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              stroke: String? = nil, opacity: Double = 1) {
        body += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\"" }
        if opacity < 1 { body += " fill-opacity=\"\(Self.number(opacity))\"" }
        body += "/>\n"
    }

    /// A circle.
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil,
                                strokeWidth: Double = 1, opacity: Double = 1) {
        body += "<circle cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"\(Self.number(strokeWidth))\"" }
        if opacity < 1 { body += " fill-opacity=\"\(Self.number(opacity))\"" }
        body += "/>\n"
    }

    /// An open polyline through `points`.
    public mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2) {
        guard !points.isEmpty else { return }
        let coordinates = points.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")
        body += "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"/>\n"
    }

    /// A closed, filled polygon through `points`.
    public mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, stroke: String? = nil, opacity: Double = 1) {
        guard !points.isEmpty else { return }
        let coordinates = points.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")
        body += "<polygon points=\"\(coordinates)\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\"" }
        if opacity < 1 { body += " fill-opacity=\"\(Self.number(opacity))\"" }
        body += "/>\n"
    }

    /// Text at (`x`, `y`) (the baseline); `rotation` in degrees turns it around that point.
    public mutating func text(_ content: String, x: Double, y: Double, anchor: TextAnchor = .start,
                              size: Double = 12, weight: String? = nil, fill: String = Palette.text,
                              rotation: Double = 0) {
        body += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        if let weight { body += " font-weight=\"\(weight)\"" }
        if fill != Palette.text { body += " fill=\"\(fill)\"" }
        if rotation != 0 { body += " transform=\"rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))\"" }
        body += ">" + MarkupEscaping.escaped(content) + "</text>\n"
    }

    /// A marker of the given shape centred on (`x`, `y`).
    public mutating func marker(_ shape: MarkerShape, x: Double, y: Double, size: Double, fill: String,
                                stroke: String? = nil, opacity: Double = 1) {
        let half = size / 2
        switch shape {
        case .circle:
            circle(cx: x, cy: y, r: half, fill: fill, stroke: stroke, opacity: opacity)
        case .square:
            rect(x: x - half * 0.9, y: y - half * 0.9, width: size * 0.9, height: size * 0.9, fill: fill, stroke: stroke, opacity: opacity)
        case .triangle:
            polygon([(x, y - half * 1.1), (x + half * 1.1, y + half * 0.9), (x - half * 1.1, y + half * 0.9)],
                    fill: fill, stroke: stroke, opacity: opacity)
        case .diamond:
            polygon([(x, y - half * 1.2), (x + half * 1.2, y), (x, y + half * 1.2), (x - half * 1.2, y)],
                    fill: fill, stroke: stroke, opacity: opacity)
        }
    }

    /// The complete SVG element, with `role="img"`, a `<title>` and a white background.
    public func render() -> String {
        let w = Self.number(width), h = Self.number(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">\n"
            + "<title>" + MarkupEscaping.escaped(title) + "</title>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
            + body + "</svg>\n"
    }
}

/// Marker shapes, used together with colour so segments stay distinguishable
/// in grey-scale print and for colour-blind readers.
public enum MarkerShape: Sendable, CaseIterable {
    /// A filled circle.
    case circle
    /// A filled square.
    case square
    /// An upward triangle.
    case triangle
    /// A diamond.
    case diamond
}
