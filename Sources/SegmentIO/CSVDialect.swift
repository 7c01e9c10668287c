import SegmentBase

/// How a delimited text file is laid out.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator byte: `,` for CSV, tab for TSV.
    public var delimiter: UInt8
    /// Whether the first record names the columns. Without a header the
    /// columns are named `col1…colN`.
    public var hasHeader: Bool

    /// Comma-separated with a header row.
    public static let csv = CSVDialect(delimiter: UInt8(ascii: ","), hasHeader: true)
    /// Tab-separated with a header row.
    public static let tsv = CSVDialect(delimiter: UInt8(ascii: "\t"), hasHeader: true)

    /// Creates a dialect.
    public init(delimiter: UInt8, hasHeader: Bool) {
        self.delimiter = delimiter
        self.hasHeader = hasHeader
    }

    /// The dialect for `source`: TSV when the file name ends in `.tsv`,
    /// otherwise CSV; `delimiter` (`tab`, `comma`, `semicolon`, `pipe` or a single
    /// character) overrides the guess.
    /// - Throws: `ParameterError` for a delimiter that is not one byte (a usage error).
    public static func forSource(_ source: InputSource, delimiter: String?, hasHeader: Bool) throws -> CSVDialect {
        var byte: UInt8 = source.pathExtension == "tsv" ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        if let delimiter {
            switch delimiter.lowercased() {
            case "tab", "\\t", "\t": byte = UInt8(ascii: "\t")
            case "comma", ",": byte = UInt8(ascii: ",")
            case "semicolon", ";": byte = UInt8(ascii: ";")
            case "pipe", "|": byte = UInt8(ascii: "|")
            default:
                let utf8 = Array(delimiter.utf8)
                guard utf8.count == 1, utf8[0] != UInt8(ascii: "\""), utf8[0] != UInt8(ascii: "\n"), utf8[0] != UInt8(ascii: "\r") else {
                    throw ParameterError("delimiter", "\(parameter: "delimiter") '\(delimiter)' is not a delimiter: use tab, comma, semicolon, pipe or a single ASCII character other than a quote or newline")
                }
                byte = utf8[0]
            }
        }
        return CSVDialect(delimiter: byte, hasHeader: hasHeader)
    }
}
