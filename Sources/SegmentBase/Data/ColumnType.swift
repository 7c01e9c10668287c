/// The inferred type of a table column, from reading every cell.
public enum ColumnType: String, Sendable, Codable, CaseIterable {
    /// Every present value is a whole number.
    case integer
    /// Every present value is a number, some with a fraction or exponent.
    case number
    /// Few distinct non-numeric values: at most 100, and at most half the
    /// present values (in columns of up to 20 values: some value repeats).
    case categorical
    /// Many distinct non-numeric values (names, free text, codes).
    case text
    /// Every present value is an ISO-8601 date or date-time.
    case date

    /// Whether the column holds numbers that algorithms can use directly.
    public var isNumeric: Bool { self == .integer || self == .number }

    /// Whether a column of this type with `present` present values, of
    /// which `numeric` are numbers, is mostly numbers although some are not.
    package func looksNumericWithErrors(present: Int, numeric: Int) -> Bool {
        !isNumeric && self != .date && present > 0 && numeric * 2 > present
    }
}

/// What type inference learned about one column.
public struct ColumnInfo: Sendable {
    /// The column's header name.
    public let name: String
    /// The inferred type.
    public let type: ColumnType
    /// Number of present (non-missing) cells.
    public let presentCount: Int
    /// Number of missing cells.
    public let missingCount: Int
    /// For non-numeric columns: each distinct present value as the row where
    /// it first occurs and its number of occurrences, most frequent first
    /// (ties by first occurrence). `nil` for numeric and date columns, which
    /// count distinct values on demand (see `ColumnSummary`).
    public let valueFrequencies: [(row: Int, count: Int)]?

    /// Number of distinct present values, for non-numeric columns.
    public var distinctCount: Int? { valueFrequencies?.count }
    /// For a column mixing numbers with text: how many cells are numbers
    /// (infinities included, so that a column with `inf` in it is reported as
    /// a numeric column with a bad value).
    public let numericCount: Int
    /// The first row (0-based) whose cell is present but not a number, if any.
    public let firstNonNumericRow: Int?
    /// Parsed values for numeric and date columns (NaN where missing);
    /// dates are seconds since 1970-01-01 UTC. `nil` for other columns.
    public let values: ColumnValues?

    /// The same column without its parsed values.
    func withoutValues() -> ColumnInfo {
        ColumnInfo(name: name, type: type, presentCount: presentCount, missingCount: missingCount, valueFrequencies: valueFrequencies,
                   numericCount: numericCount, firstNonNumericRow: firstNonNumericRow, values: nil)
    }

    /// Whether most present cells are numbers although some are not: such a
    /// column is reported as a data error rather than silently encoded.
    public var looksNumericWithErrors: Bool {
        type.looksNumericWithErrors(present: presentCount, numeric: numericCount)
    }
}
