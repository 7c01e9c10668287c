import Foundation

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
    /// - Complexity: O(bytes) time; memory about the input size plus 8 bytes
    ///   per cell.
    public static func load(_ source: InputSource, dialect: CSVDialect, threads: Int = availableCores) throws -> Table {
        if let table = try loadPlainFile(source, dialect: dialect, threads: threads) { return table }
        let reader = try CSVReader(source: source, dialect: dialect)
        var columnNames: [String] = []
        var rowLines: [Int] = []
        var bytes: [UInt8] = []
        var ends: [Int] = []

        if dialect.hasHeader {
            guard let header = try reader.nextRecord() else { throw CSVError.empty(file: reader.name) }
            columnNames = try validatedNames(header.strings, file: reader.name)
        }
        let fileSize = source.fileSize
        while let record = try reader.nextRecord() {
            if columnNames.isEmpty {
                columnNames = (1...record.count).map { "col\($0)" }
            }
            if rowLines.isEmpty, let fileSize {
                // Size the buffers once from the first record, sparing repeated regrowth of large inputs.
                let estimatedRows = fileSize / max(1, record.byteCount + record.count) + 1
                bytes.reserveCapacity(fileSize)
                ends.reserveCapacity(estimatedRows * record.count + record.count)
                rowLines.reserveCapacity(estimatedRows)
            }
            let base = bytes.count
            bytes.append(contentsOf: record.rawBytes)
            for end in record.rawEnds { ends.append(base + end) }
            rowLines.append(record.line)
        }
        if columnNames.isEmpty { throw CSVError.empty(file: reader.name) }
        let columns = TypeInference.inferColumns(names: columnNames, rowCount: rowLines.count, bytes: bytes, ends: ends, threads: threads)
        return Table(source: reader.name, columnNames: columnNames, rowLines: rowLines, cellBytes: bytes, cellEnds: ends, columns: columns)
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
