import Foundation
import SegmentBase

/// Reads a whole delimited file into a `Table` and infers column types.
public enum TableLoader {
    /// Loads `source`.
    /// - Parameters:
    ///   - source: a file or standard input.
    ///   - dialect: delimiter and header handling.
    ///   - threads: cores used for type inference (one column per task).
    /// - Throws: `CSVError` for malformed input (empty, ragged, unterminated
    ///   quote, invalid UTF-8, duplicate column names) and `SegmentError` for
    ///   I/O failures.
    /// - Complexity: O(bytes) time; memory about the input size (a mapped
    ///   file's cells stay in the mapping) plus 12 bytes per cell (its end
    ///   offset and its parsed value) and 16 per row (its start and line).
    public static func load(_ source: InputSource, dialect: CSVDialect, threads: Int = availableCores) throws -> Table {
        if case .file(let path) = source, let cells = try ParallelTableReader.read(path: path, dialect: dialect, threads: threads) {
            return table(from: cells, source: path, threads: threads)
        }
        let reader = try CSVReader(source: source, dialect: dialect)
        return table(from: try readRecords(reader, dialect: dialect, limit: nil), source: reader.name, threads: threads)
    }

    /// Reads the header and up to `limit` records (all when `nil`) with the
    /// streaming reader into the table's cell layout; a record longer than
    /// `recordLimit` bytes is an error.
    static func readRecords(_ reader: CSVReader, dialect: CSVDialect, limit: Int?,
                            recordLimit: Int = CSVError.maximumRecordBytes) throws -> ParallelTableReader.Cells {
        var columnNames: [String] = []
        var rowLines: [Int] = []
        var bytes: [UInt8] = []
        var rowStarts: [Int] = []
        var ends: [UInt32] = []

        if dialect.hasHeader {
            guard let header = try reader.nextRecord() else { throw CSVError.empty(file: reader.name) }
            columnNames = try validatedNames(header.strings, file: reader.name)
        }
        if limit == nil, let size = reader.sizeHint { bytes.reserveCapacity(size) }
        while rowLines.count < limit ?? Int.max, let record = try reader.nextRecord() {
            if columnNames.isEmpty {
                columnNames = (1...record.count).map { "col\($0)" }
            }
            if rowLines.isEmpty, limit == nil, let size = reader.sizeHint {
                // Size the cell index from the first record's length.
                let estimatedRows = size / max(1, record.byteCount + record.count) + 16
                ends.reserveCapacity(estimatedRows * record.count)
                rowLines.reserveCapacity(estimatedRows)
                rowStarts.reserveCapacity(estimatedRows)
            }
            if record.byteCount > recordLimit { throw CSVError.recordTooLong(file: reader.name, line: record.line) }
            rowStarts.append(bytes.count)
            bytes.append(contentsOf: record.rawBytes)
            for end in record.rawEnds { ends.append(UInt32(end)) }
            rowLines.append(record.line)
        }
        if columnNames.isEmpty { throw CSVError.empty(file: reader.name) }
        let storage = CellStorage(bytes: .packed(bytes), rowStarts: rowStarts, ends: ends, columnCount: columnNames.count)
        return ParallelTableReader.Cells(columnNames: columnNames, rowLines: rowLines, storage: storage)
    }

    /// Infers column types and assembles the table.
    static func table(from cells: ParallelTableReader.Cells, source: String, threads: Int) -> Table {
        let columns = cells.withCells { view in
            TypeInference.inferColumns(names: cells.columnNames, rowCount: cells.rowLines.count, cells: view,
                                       classified: cells.classified, threads: threads)
        }
        return Table(source: source, columnNames: cells.columnNames, rowLines: cells.rowLines,
                     cellStorage: cells.storage, columns: columns)
    }

    /// Header names with blanks replaced by `colN`; duplicates are an error.
    static func validatedNames(_ names: [String], file: String) throws -> [String] {
        var seen: [String: Int] = [:]
        var result: [String] = []
        for (index, raw) in names.enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            let name = trimmed.isEmpty ? "col\(index + 1)" : trimmed
            if let first = seen[name] {
                throw CSVError.duplicateColumn(file: file, name: name, firstColumn: first + 1, secondColumn: index + 1)
            }
            seen[name] = index
            result.append(name)
        }
        return result
    }
}
