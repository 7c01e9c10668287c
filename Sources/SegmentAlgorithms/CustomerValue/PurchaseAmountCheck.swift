import SegmentBase

/// The check a purchase log's money columns pass before the customer-value
/// models read them: every amount (or quantity and price) a number, none
/// negative. Unlike the log's own reading, which stops at the first bad
/// cell, it counts them all, so the message says how many there are and
/// where the first is.
public enum PurchaseAmountCheck {
    /// The money columns of `columns`: the amount column, or else quantity and price.
    public static func moneyColumns(_ columns: PurchaseColumns) -> [Int] {
        guard columns.amount != nil || columns.price != nil else { return [] }
        return columns.amount.map { [$0] } ?? [columns.quantity, columns.price].compactMap { $0 }
    }

    /// Checks every money column of `table` (see `moneyColumns`).
    ///
    /// - Throws: `SegmentError.invalidData` at the first cell that is not a
    ///   number, or else the first negative one, with the count of such cells.
    public static func validate(_ table: Table, columns: PurchaseColumns) throws {
        for column in moneyColumns(columns) {
            var tally = AmountTally()
            table.withCells { cells in
                for row in 0..<table.rowCount {
                    _ = tally.read(CellParsing.trimmingSpaces(cells.cell(row: row, column: column)), line: table.rowLines[row])
                }
            }
            try tally.check(file: table.source, column: table.columnNames[column], rows: table.rowCount)
        }
    }
}

/// The cells of one money column as they are read: their values, and the
/// count and first place of those that are not numbers or are negative.
public struct AmountTally: Sendable {
    private var notNumbers = 0, negatives = 0
    private var firstNotNumber: (line: Int, cell: String)?, firstNegative: (line: Int, cell: String)?

    /// A tally of no cells.
    public init() {}

    /// The number in `cell` (at input `line`), or `nil` when it is not a
    /// finite number; negative and non-numbers are counted.
    public mutating func read(_ cell: UnsafeBufferPointer<UInt8>, line: Int) -> Double? {
        guard let number = CellParsing.parseNumber(cell), number.value.isFinite else {
            notNumbers += 1
            if firstNotNumber == nil { firstNotNumber = (line, String(decoding: cell, as: UTF8.self)) }
            return nil
        }
        if number.value < 0 {
            negatives += 1
            if firstNegative == nil { firstNegative = (line, String(decoding: cell, as: UTF8.self)) }
        }
        return number.value
    }

    /// Throws for the cells counted in `column` of `file`, which has `rows` data rows.
    /// - Throws: `SegmentError.invalidData` at the first cell that is not a
    ///   number, or else the first negative one, with how many there are.
    public func check(file: String, column: String, rows: Int) throws {
        if let (line, cell) = firstNotNumber {
            throw SegmentError.invalidData(file: file, line: line, column: column,
                                           message: "expected a number, found \(MessageText.quoted(cell)); \(notNumbers) of \(rows) rows in column '\(column)' are not numbers (empty or text); fix or remove them")
        }
        if let (line, cell) = firstNegative {
            throw SegmentError.invalidData(file: file, line: line, column: column,
                                           message: "expected an amount of 0 or more, found \(cell); \(negatives) of \(rows) rows in column '\(column)' are negative (returns?); the spend model needs what customers paid: net returns into their purchases or remove those rows")
        }
    }
}
