import SegmentCore

/// A bar chart of the inertia curve in Unicode block characters, for a terminal.
enum ElbowChart {
    /// Width of the longest bar in character cells.
    static let barWidth = 40

    /// One line per k: the k, a bar proportional to its inertia (eighth-cell
    /// resolution) and the value; the knee is marked.
    static func render(_ selection: KSelection) -> String {
        let blocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
        let largest = selection.candidates.map(\.fit.inertia).max() ?? 0
        let knee = selection.knee
        var text = "inertia by k\n"
        for candidate in selection.candidates {
            let eighths = largest > 0 ? Int((candidate.fit.inertia / largest * Double(barWidth * 8)).rounded()) : 0
            var bar = String(repeating: "█", count: eighths / 8)
            if eighths % 8 > 0 { bar.append(blocks[eighths % 8 - 1]) }
            let label = String(candidate.k)
            let padding = String(repeating: " ", count: max(0, 3 - label.count))
            let tail = bar.count < barWidth ? String(repeating: " ", count: barWidth - bar.count) : ""
            text += "k=\(label)\(padding) \(bar)\(tail) \(formatNumber(candidate.fit.inertia, decimals: 2))\(candidate.k == knee ? "  ← knee" : "")\n"
        }
        return text
    }
}
