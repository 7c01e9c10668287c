import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Colours for charts: the Okabe–Ito palette, safe for the common forms of
/// colour blindness (M. Okabe and K. Ito, "Color Universal Design", 2008).
public enum Palette {
    /// The eight Okabe–Ito colours, reordered so the first few contrast well
    /// on white (yellow, the weakest on white, comes last but one).
    public static let colors = [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#D55E00", // vermillion
        "#F0E442", // yellow
        "#000000", // black
    ]
    /// Body text and axis labels.
    public static let text = "#222222"
    /// Axis lines and ticks.
    public static let axis = "#555555"
    /// Light grid lines.
    public static let grid = "#e4e4e4"
    /// Noise points (segment −1) and other de-emphasised marks.
    public static let muted = "#9a9a9a"
    /// Highlights such as the knee and the chosen k.
    public static let highlight = "#D55E00"

    /// The colour of segment `index` (cycling after eight); noise (negative) is muted.
    public static func color(forSegment index: Int) -> String {
        index < 0 ? muted : colors[index % colors.count]
    }

    /// The marker of segment `index`: circles for the first eight segments,
    /// then squares, triangles and diamonds, so up to 32 segments stay unique.
    public static func marker(forSegment index: Int) -> MarkerShape {
        index < 0 ? .circle : MarkerShape.allCases[(index / colors.count) % MarkerShape.allCases.count]
    }
}
