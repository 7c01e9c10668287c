import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Text charts for a terminal, drawn with Unicode block elements.
///
/// Bars are measured in eighths of a character cell (`▏▎▍▌▋▊▉█`), so a
/// 40-cell bar has 320 distinguishable lengths.
public enum TerminalChart {
    /// One bar row.
    public struct Bar: Sendable {
        /// The row label, left of the bar.
        public var label: String
        /// The bar value (non-negative; negative values draw no bar).
        public var value: Double
        /// Text after the bar (the value as printed, marks such as `◀ knee`).
        public var note: String

        /// Creates a bar row.
        public init(label: String, value: Double, note: String) {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `value / maximum × width` cells long.
    public static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard value.isFinite, maximum > 0, value > 0, width > 0 else { return "" }
        let units = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// Horizontal bars under a title, labels left-aligned, bars scaled to the largest value.
    public static func horizontalBars(title: String, bars: [Bar], width: Int = 40) -> String {
        let labelWidth = bars.map(\.label.count).max() ?? 0
        let maximum = bars.map(\.value).filter(\.isFinite).max() ?? 0
        var text = title + "\n"
        for bar in bars {
            let drawn = self.bar(bar.value, maximum: maximum, width: width)
            let padding = String(repeating: " ", count: labelWidth - bar.label.count)
            text += padding + bar.label + " │" + drawn + String(repeating: " ", count: width - drawn.count) + " " + bar.note + "\n"
        }
        return text
    }

    /// The elbow chart for `segment elbow`: inertia and, where known, mean
    /// silhouette per k, with the knee and the chosen k marked.
    public static func elbow(ks: [Int], inertia: [Double], silhouette: [Double?], knee: Int?, chosen: Int?, width: Int = 40) -> String {
        func marks(_ k: Int) -> String {
            var notes: [String] = []
            if k == knee { notes.append("◀ knee") }
            if k == chosen { notes.append("◀ chosen") }
            return notes.isEmpty ? "" : "  " + notes.joined(separator: " ")
        }
        let inertiaBars = zip(ks, inertia).map { k, value in
            Bar(label: "k=\(k)", value: value, note: DecimalText.format(value, decimals: 2) + marks(k))
        }
        var text = horizontalBars(title: "inertia (lower is tighter)", bars: inertiaBars, width: width)
        if silhouette.contains(where: { $0 != nil }) {
            let silhouetteBars = zip(ks, silhouette).map { k, value in
                Bar(label: "k=\(k)", value: value ?? 0, note: (value.map { DecimalText.format($0, decimals: 4) } ?? "-") + marks(k))
            }
            text += "\n" + horizontalBars(title: "mean silhouette (higher is better)", bars: silhouetteBars, width: width)
        }
        return text
    }
}
