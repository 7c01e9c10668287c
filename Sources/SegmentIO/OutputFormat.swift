import SegmentBase

/// The output formats offered by `--format`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Comma-separated values, quoted only where needed.
    case csv
    /// Tab-separated values.
    case tsv
    /// One JSON array of objects.
    case json
    /// One JSON object per line.
    case jsonl
    /// An aligned plain-text table for reading in a terminal.
    case table
    /// A GitHub-flavoured Markdown table.
    case markdown

    /// Whether the format writes input cells through unchanged (CSV and
    /// TSV): rows are then written from the cells' text alone.
    public var passesCellsThrough: Bool { self == .csv || self == .tsv }
}
