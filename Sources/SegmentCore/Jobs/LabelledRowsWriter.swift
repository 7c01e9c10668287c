import SegmentBase
import SegmentIO

/// Writes input rows unchanged plus one label column: the output of every
/// job that labels rows (clustering a table, streaming mini-batch k-means,
/// assigning with a saved model).
///
/// CSV and TSV copy the input cells byte for byte
/// (`RecordWriter.passesCellsThrough`); the other formats turn each cell
/// into an `OutputValue` (numbers stay numbers, missing cells become
/// empty/null). A row without a label gets an empty label.
public final class LabelledRowsWriter {
    private let writer: RecordWriter
    /// The header: the input's columns, then the label column.
    public let header: [String]
    /// Reused for the rows of formats that do not pass cells through.
    private var values: [OutputValue] = []

    /// Starts writing to `sink` in `format` with the header `columnNames` +
    /// `labelColumn` (+ `valueColumn`, for `write(rowsOf:labels:valueOfSegment:)`).
    /// - Throws: a write failure of the header.
    public init(sink: OutputSink, format: OutputFormat, columnNames: [String], labelColumn: String, valueColumn: String? = nil) throws {
        header = columnNames + [labelColumn] + (valueColumn.map { [$0] } ?? [])
        writer = try RecordWriter(sink: sink, format: format, header: header)
    }

    /// Writes one input record unchanged plus `label` (`nil`: empty).
    /// - Precondition: the record has one field per input column.
    public func write(_ record: CSVRecord, label: Int?) throws {
        let value: OutputValue = label.map { .integer($0) } ?? .missing
        if writer.passesCellsThrough {
            try writer.write(cells: record.field, count: record.count, appending: [value])
        } else {
            values.removeAll(keepingCapacity: true)
            for field in 0..<record.count { values.append(Self.passThrough(record.field(field))) }
            values.append(value)
            try writer.write(values)
        }
    }

    /// Writes every row of `table` unchanged plus its label (`labels[row]`,
    /// `nil`: empty); CSV and TSV are formatted on `threads` threads.
    /// - Precondition: one label per table row, and the header was made from
    ///   the table's column names.
    public func write(rowsOf table: Table, labels: [Int?], threads: Int) throws {
        if writer.passesCellsThrough {
            try writer.write(rowsOf: table, appendingIntegers: labels, threads: threads)
        } else {
            for row in 0..<table.rowCount {
                values.removeAll(keepingCapacity: true)
                for column in 0..<table.columnCount { values.append(table.outputValue(row: row, column: column)) }
                values.append(labels[row].map { .integer($0) } ?? .missing)
                try writer.write(values)
            }
        }
    }

    /// Writes every row of `table` unchanged plus its label and, in one more
    /// column (the header must have it: `columnNames` + label + its name),
    /// its segment's value from `valueOfSegment` (empty without a label).
    /// Row by row: for the optional columns of a run (`cluster --stability`).
    public func write(rowsOf table: Table, labels: [Int?], valueOfSegment: [Double]) throws {
        precondition(header.count == table.columnCount + 2, "the header needs the value column")
        try table.withCells { cells in
            for row in 0..<table.rowCount {
                let appended: [OutputValue] = [labels[row].map { .integer($0) } ?? .missing,
                                               labels[row].flatMap { $0 >= 0 ? .number(valueOfSegment[$0]) : nil } ?? .missing]
                if writer.passesCellsThrough {
                    try writer.write(cells: { cells.cell(row: row, column: $0) }, count: table.columnCount, appending: appended)
                } else {
                    values.removeAll(keepingCapacity: true)
                    for column in 0..<table.columnCount { values.append(table.outputValue(row: row, column: column)) }
                    try writer.write(values + appended)
                }
            }
        }
    }

    /// Ends the output (closing a JSON array, aligning a table); the sink is
    /// committed by its owner.
    public func finish() throws {
        try writer.finish()
    }

    /// Checks that the label column `name` is not already a column of `table`.
    /// - Throws: `ParameterError` about `label-column` when it is.
    public static func checkLabelColumn(_ name: String, newTo table: Table) throws {
        guard table.columnIndex(named: name) == nil else {
            throw ParameterError("label-column", "the input already has a column '\(name)'; name the new label column with \(parameter: "label-column") NAME")
        }
    }

    /// An input cell as an output value: numbers stay numbers (bare in
    /// JSON), missing cells become empty/null, anything else is text.
    public static func passThrough(_ cell: UnsafeBufferPointer<UInt8>) -> OutputValue {
        if CellParsing.isMissing(cell) { return .missing }
        let text = String(decoding: cell, as: UTF8.self)
        return CellParsing.parseNumber(CellParsing.trimmingSpaces(cell)) != nil ? .numberText(text) : .text(text)
    }
}
