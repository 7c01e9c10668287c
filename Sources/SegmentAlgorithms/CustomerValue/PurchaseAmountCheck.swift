import SegmentBase

/// The check a purchase log's money columns pass before the customer-value
/// models read them: every amount (or quantity and price) a number, none
/// negative. Unlike the log's own reading, which stops at the first bad
/// cell, it counts them all, so the message says how many there are and
/// where the first is.
public enum PurchaseAmountCheck {
    /// Checks the amount column of `columns`, or its quantity and price columns.
    ///
    /// - Throws: `SegmentError.invalidData` at the first cell that is not a
    ///   number, or else the first negative one, with the count of such cells.
    public static func validate(_ table: Table, columns: PurchaseColumns) throws {
        let checked = columns.amount.map { [$0] } ?? [columns.quantity, columns.price].compactMap { $0 }
        guard columns.amount != nil || columns.price != nil else { return }
        for column in checked {
            var textCount = 0, negativeCount = 0
            var firstText: (row: Int, cell: String)?, firstNegative: (row: Int, cell: String)?
            table.withCells { cells in
                for row in 0..<table.rowCount {
                    let cell = CellParsing.trimmingSpaces(cells.cell(row: row, column: column))
                    guard let number = CellParsing.parseNumber(cell), number.value.isFinite else {
                        textCount += 1
                        if firstText == nil { firstText = (row, String(decoding: cell, as: UTF8.self)) }
                        continue
                    }
                    if number.value < 0 {
                        negativeCount += 1
                        if firstNegative == nil { firstNegative = (row, String(decoding: cell, as: UTF8.self)) }
                    }
                }
            }
            let name = table.columnNames[column]
            if let (row, cell) = firstText {
                throw notNumbers(file: table.source, line: table.rowLines[row], column: name, cell: cell, count: textCount, rows: table.rowCount)
            }
            if let (row, cell) = firstNegative {
                throw negative(file: table.source, line: table.rowLines[row], column: name, cell: cell, count: negativeCount, rows: table.rowCount)
            }
        }
    }

    /// The error for `count` of `rows` cells of `column` that are not numbers, the first `cell` at `line`.
    public static func notNumbers(file: String, line: Int, column: String, cell: String, count: Int, rows: Int) -> SegmentError {
        .invalidData(file: file, line: line, column: column,
                     message: "expected a number, found \(MessageText.quoted(cell)); \(count) of \(rows) rows in column '\(column)' are not numbers (empty or text); fix or remove them")
    }

    /// The error for `count` of `rows` negative cells of `column`, the first `cell` at `line`.
    public static func negative(file: String, line: Int, column: String, cell: String, count: Int, rows: Int) -> SegmentError {
        .invalidData(file: file, line: line, column: column,
                     message: "expected an amount of 0 or more, found \(cell); \(count) of \(rows) rows in column '\(column)' are negative (returns?); the spend model needs what customers paid: net returns into their purchases or remove those rows")
    }
}
