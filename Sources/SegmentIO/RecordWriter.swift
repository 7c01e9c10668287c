import Foundation
import SegmentBase

/// Writes rows of typed values in any `OutputFormat`, streaming where the
/// format allows (everything but `table` and `markdown`, which need column
/// widths and are buffered).
public final class RecordWriter {
    let sink: OutputSink
    let format: OutputFormat
    let header: [String]
    var rowsWritten = 0
    private var bufferedRows: [[String]] = []

    /// Creates a writer and, for delimited formats, writes the header.
    public init(sink: OutputSink, format: OutputFormat, header: [String]) throws {
        self.sink = sink
        self.format = format
        self.header = header
        switch format {
        case .csv, .tsv: try writeDelimited(header.map(OutputValue.text))
        case .json: try sink.write("[")
        case .jsonl, .table, .markdown: break
        }
    }

    /// Writes one row; `values.count` must equal the header's.
    public func write(_ values: [OutputValue]) throws {
        precondition(values.count == header.count, "row has \(values.count) values, header has \(header.count)")
        switch format {
        case .csv, .tsv:
            try writeDelimited(values)
        case .json:
            try sink.write(rowsWritten == 0 ? "\n" : ",\n")
            try sink.write(jsonObject(values))
        case .jsonl:
            try sink.write(jsonObject(values))
            try sink.write("\n")
        case .table, .markdown:
            bufferedRows.append(values.map(\.text))
        }
        sink.endRecord()
        rowsWritten += 1
    }

    /// Finishes the document (closing bracket, buffered table) and flushes.
    /// Does not commit the sink.
    public func finish() throws {
        switch format {
        case .json: try sink.write(rowsWritten == 0 ? "]\n" : "\n]\n")
        case .table: try sink.write(TextTable.render(header: header, rows: bufferedRows))
        case .markdown: try sink.write(TextTable.renderMarkdown(header: header, rows: bufferedRows))
        case .csv, .tsv, .jsonl: break
        }
        try sink.flush()
    }

    private func writeDelimited(_ values: [OutputValue]) throws {
        let delimiter: UInt8 = format == .tsv ? 0x09 : 0x2C
        for (index, value) in values.enumerated() {
            if index > 0 { try sink.write(byte: delimiter) }
            try sink.write(CSVQuoting.quoted(value.text, delimiter: delimiter))
        }
        try sink.write(byte: 0x0A)
    }

    private func jsonObject(_ values: [OutputValue]) -> String {
        var text = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            text += JSONText.string(header[index]) + ":" + JSONText.value(value)
        }
        return text + "}"
    }
}

/// Quoting of delimited fields (RFC 4180): only when needed.
public enum CSVQuoting {
    /// `field`, quoted when it contains the delimiter, a quote, CR or LF, or
    /// begins or ends with a space; inner quotes are doubled.
    public static func quoted(_ field: String, delimiter: UInt8 = 0x2C) -> String {
        var needsQuotes = false
        for byte in field.utf8 where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes, let first = field.utf8.first, let last = field.utf8.last, first == 0x20 || last == 0x20 {
            needsQuotes = true
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether raw cell bytes need quoting for `delimiter`.
    @inlinable
    public static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        for byte in bytes where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
        if let first = bytes.first, let last = bytes.last, first == 0x20 || last == 0x20 { return true }
        return false
    }

    /// Writes raw cell bytes to `sink`, quoting them when needed.
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, to sink: OutputSink) throws {
        guard needsQuotes(bytes, delimiter: delimiter) else {
            try sink.write(bytes: bytes)
            return
        }
        try sink.write(byte: 0x22)
        for byte in bytes {
            if byte == 0x22 { try sink.write(byte: 0x22) }
            try sink.write(byte: byte)
        }
        try sink.write(byte: 0x22)
    }
}
