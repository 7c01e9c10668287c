import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Reads a purchase log into the calibration summary of `segment clv`.
///
/// A file is streamed through a `TransactionSummaryBuilder`, in memory
/// proportional to its customers, as long as each customer's purchases come
/// in date order; otherwise (and for standard input, which cannot be read
/// twice) the log is loaded whole and summarised in memory. The columns are
/// chosen on the first rows; every row is checked as it is read: an empty
/// id, a date not in the column's format, an amount that is not a number or
/// is negative are errors naming the line (with the count of such amounts).
public struct PurchaseSummaryReader: Sendable {
    /// The purchase log.
    public var source: InputSource
    /// How it is delimited.
    public var dialect: CSVDialect
    /// The columns named on the command line.
    public var names: PurchaseColumns.Names
    /// The calibration window's last day; `nil`: the latest purchase.
    public var calibrationEnd: Int?
    /// The time unit.
    public var period: ValuePeriod
    /// Worker threads for loading.
    public var threads: Int

    /// Rows read to choose the columns and the date format.
    static let prefixRows = 10_000

    /// A reader with every setting given.
    public init(source: InputSource, dialect: CSVDialect, names: PurchaseColumns.Names, calibrationEnd: Int?, period: ValuePeriod, threads: Int) {
        self.source = source
        self.dialect = dialect
        self.names = names
        self.calibrationEnd = calibrationEnd
        self.period = period
        self.threads = threads
    }

    /// What was read.
    public struct Result: Sendable {
        /// The calibration summary.
        public var summary: TransactionSummary
        /// The log's customer column name (the output's id column).
        public var customerColumn: String
        /// Whether the file was streamed (false: loaded whole).
        public var streamed: Bool
    }

    /// Reads and summarises the log.
    /// - Throws: `SegmentError`, `CSVError` or `ParameterError` for a log
    ///   that cannot be read or summarised.
    public func read() throws -> Result {
        if case .file = source, let streamed = try stream() { return streamed }
        let table = try TableLoader.load(source, dialect: dialect, threads: threads)
        guard table.rowCount > 0 else { throw SegmentError.invalidInput("\(table.source): the file has a header but no data rows") }
        var columns = try PurchaseColumns.resolveMoney(names, in: table)
        // With an amount the quantities are not read, as when streaming.
        if columns.amount != nil { columns.quantity = nil }
        try PurchaseAmountCheck.validate(table, columns: columns)
        let log = try PurchaseLog(table: table, columns: columns)
        return Result(summary: try TransactionSummary(log: log, calibrationEnd: calibrationEnd, period: period),
                      customerColumn: table.columnNames[columns.customer], streamed: false)
    }

    /// The summary streamed from the file, or `nil` when a customer's
    /// purchases are not in date order.
    private func stream() throws -> Result? {
        let prefix = try TableLoader.loadPrefix(source, dialect: dialect, rows: Self.prefixRows, threads: threads)
        guard prefix.rowCount > 0 else { throw SegmentError.invalidInput("\(prefix.source): the file has a header but no data rows") }
        let columns = try PurchaseColumns.resolveMoney(names, in: prefix)
        guard let dateColumn = columns.date else { throw TransactionSummary.missingDates }
        let dateFormat = prefix.withCells { PurchaseDateFormat.detect(CellParsing.trimmingSpaces($0.cell(row: 0, column: dateColumn))) }
        let file = prefix.source, names = prefix.columnNames
        let moneyColumns = PurchaseAmountCheck.moneyColumns(columns)
        var tallies = moneyColumns.map { _ in AmountTally() }
        var builder = TransactionSummaryBuilder(calibrationEnd: calibrationEnd)
        var rows = 0, ordered = true
        try FileRecords(source, dialect: dialect).forEachRecord { record in
            rows += 1
            let idCell = CellParsing.trimmingSpaces(record.field(columns.customer))
            if CellParsing.isMissing(idCell) {
                throw SegmentError.invalidData(file: file, line: record.line, column: names[columns.customer], message: PurchaseLog.missingIdMessage)
            }
            let dateCell = CellParsing.trimmingSpaces(record.field(dateColumn))
            guard let format = dateFormat, let seconds = format.parse(dateCell) else {
                throw SegmentError.invalidData(file: file, line: record.line, column: names[dateColumn],
                                               message: PurchaseLog.dateMessage(format: dateFormat, cell: dateCell))
            }
            var amount = moneyColumns.isEmpty ? 0.0 : 1.0
            for (position, column) in moneyColumns.enumerated() {
                amount *= tallies[position].read(CellParsing.trimmingSpaces(record.field(column)), line: record.line) ?? 0
            }
            let day = Int((seconds / 86_400).rounded(.down))
            ordered = builder.add(customer: String(decoding: idCell, as: UTF8.self), day: day, amount: amount)
            return ordered
        }
        guard ordered else { return nil }
        for (position, column) in moneyColumns.enumerated() {
            try tallies[position].check(file: file, column: names[column], rows: rows)
        }
        return Result(summary: try builder.summary(period: period, hasAmounts: !moneyColumns.isEmpty),
                      customerColumn: names[columns.customer], streamed: true)
    }
}
