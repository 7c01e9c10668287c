/// The per-column summary shown by `segment inspect`.
public struct ColumnSummary: Sendable {
    /// Column name.
    public let name: String
    /// Inferred type.
    public let type: ColumnType
    /// Present (non-missing) values.
    public let count: Int
    /// Missing values.
    public let missing: Int
    /// Distinct present values.
    public let distinct: Int
    /// Minimum, for numeric and date columns.
    public let min: Double?
    /// Mean, for numeric columns.
    public let mean: Double?
    /// Sample standard deviation (n − 1, as pandas `describe`), for numeric columns.
    public let std: Double?
    /// Maximum, for numeric and date columns.
    public let max: Double?
    /// The most frequent values with their counts, for categorical and text columns.
    public let top: [(value: String, count: Int)]
    /// Whether most present values are numbers although some are not (see
    /// `ColumnInfo.looksNumericWithErrors`).
    public let looksNumericWithErrors: Bool

    /// A column's summary from its figures.
    public init(name: String, type: ColumnType, count: Int, missing: Int, distinct: Int, min: Double?, mean: Double?,
                std: Double?, max: Double?, top: [(value: String, count: Int)], looksNumericWithErrors: Bool) {
        self.name = name
        self.type = type
        self.count = count
        self.missing = missing
        self.distinct = distinct
        self.min = min
        self.mean = mean
        self.std = std
        self.max = max
        self.top = top
        self.looksNumericWithErrors = looksNumericWithErrors
    }

    /// Summarises every column of `table`, one column per parallel task.
    /// - Parameter topCount: how many frequent values to list per non-numeric column.
    public static func summarize(_ table: Table, topCount: Int = 3, threads: Int = availableCores) -> [ColumnSummary] {
        let shared = UncheckedSendable(table)
        return ParallelChunks(count: table.columnCount, chunkSize: 1, threads: threads).mapChunks { column, _ in
            summarize(column: column, of: shared.value, topCount: topCount)
        }
    }

    static func summarize(column: Int, of table: Table, topCount: Int) -> ColumnSummary {
        let info = table.columns[column]
        if let values = info.values {
            return values.withUnsafeBufferPointer {
                numeric(name: info.name, type: info.type, present: info.presentCount, missing: info.missingCount, values: $0)
            }
        }
        let frequencies = info.valueFrequencies ?? []
        let top = frequencies.prefix(topCount).map { (table.string(row: $0.row, column: column), $0.count) }
        return ColumnSummary(name: info.name, type: info.type, count: info.presentCount, missing: info.missingCount,
                             distinct: frequencies.count, min: nil, mean: nil, std: nil, max: nil, top: top,
                             looksNumericWithErrors: info.looksNumericWithErrors)
    }

    /// The summary of a numeric or date column from its parsed `values`
    /// (NaN where missing), of which `present` are not missing.
    package static func numeric(name: String, type: ColumnType, present: Int, missing: Int, values: UnsafeBufferPointer<Double>) -> ColumnSummary {
        var low = Double.infinity, high = -Double.infinity
        for value in values where !value.isNaN {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        var mean: Double?, std: Double?
        if present > 0 && type != .date {
            let average = Statistics.mean(values, skippingNaN: present)
            mean = average
            if present > 1 { std = Statistics.standardDeviation(values, mean: average, ddof: 1, skippingNaN: present) }
        }
        return ColumnSummary(name: name, type: type, count: present, missing: missing,
                             distinct: DistinctCounter.countDistinct(values), min: present > 0 ? low : nil, mean: mean,
                             std: std, max: present > 0 ? high : nil, top: [], looksNumericWithErrors: false)
    }
}
