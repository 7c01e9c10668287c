import Foundation
import SegmentBase

/// Renders rows as an aligned plain-text or Markdown table.
public enum TextTable {
    /// A plain-text table: header, a rule, then rows; numbers right-aligned.
    public static func render(header: [String], rows: [[String]]) -> String {
        let widths = columnWidths(header: header, rows: rows)
        let numeric = header.indices.map { column in
            rows.allSatisfy { $0[column].isEmpty || CellParsingBridge.isNumber($0[column]) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column > 0 { text += "  " }
                text += numeric[column] ? padding + cell : (column == cells.count - 1 ? cell : cell + padding)
            }
            return text + "\n"
        }
        var text = line(header)
        text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { text += line(row) }
        return text
    }

    /// A GitHub-flavoured Markdown table (pipes in cells escaped).
    public static func renderMarkdown(header: [String], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        var text = line(header)
        text += "|" + header.map { _ in " --- |" }.joined() + "\n"
        for row in rows { text += line(row) }
        return text
    }

    private static func columnWidths(header: [String], rows: [[String]]) -> [Int] {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return widths
    }
}

/// Number detection on `String` for table alignment.
enum CellParsingBridge {
    static func isNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { CellParsing.parseNumber($0) != nil }
    }
}
