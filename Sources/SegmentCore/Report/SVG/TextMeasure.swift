import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Rough text widths for layout, so labels can be given room or shortened
/// without a font engine. Sans-serif glyphs average about 0.6 em; the
/// estimate errs on the wide side for lower-case text.
public enum TextMeasure {
    /// Estimated width of `text` at font `size`.
    public static func width(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    /// `text`, shortened with a trailing `…` so it fits in `maximumWidth` at font `size`.
    public static func truncated(_ text: String, toWidth maximumWidth: Double, size: Double) -> String {
        guard width(text, size: size) > maximumWidth else { return text }
        let characters = max(1, Int(maximumWidth / (size * 0.6)) - 1)
        return String(text.prefix(characters)) + "…"
    }
}
