import SegmentBase

/// A malformed delimited-text input, located by file and line.
public enum CSVError: Error, Equatable, ParameterNamingError {
    /// A record has a different number of fields than the header.
    case fieldCountMismatch(file: String, line: Int, expected: Int, found: Int)
    /// A quoted field is still open at the end of the input.
    case unterminatedQuote(file: String, line: Int)
    /// A field is not valid UTF-8.
    case invalidUTF8(file: String, line: Int, column: Int)
    /// The input holds no records at all (not even a header).
    case empty(file: String)
    /// Two header fields have the same name.
    case duplicateColumn(file: String, name: String, firstColumn: Int, secondColumn: Int)
    /// A record is longer than a table row may be (`maximumRecordBytes`).
    case recordTooLong(file: String, line: Int)

    /// The most bytes a record's fields may hold together: a table keeps
    /// its cells' ends as 32-bit offsets from their row's start.
    public static let maximumRecordBytes = Int(UInt32.max)

    /// What went wrong, where, and how to fix it.
    public var text: ParameterText {
        switch self {
        case .fieldCountMismatch(let file, let line, let expected, let found):
            return "\(file):\(line): expected \(expected) fields, found \(found); quote fields that contain the delimiter, or check the delimiter (\(parameter: "delimiter"))"
        case .unterminatedQuote(let file, let line):
            return "\(file):\(line): a quoted field starting here is never closed; close it with \" (write a literal quote as \"\")"
        case .invalidUTF8(let file, let line, let column):
            return "\(file):\(line): field \(column) is not valid UTF-8; convert the file to UTF-8 (for example with iconv)"
        case .empty(let file):
            return "\(file): the input is empty; expected a header line and at least one data row"
        case .duplicateColumn(let file, let name, let first, let second):
            return "\(file):1: column name '\(name)' appears twice (fields \(first) and \(second)); rename one of them"
        case .recordTooLong(let file, let line):
            return "\(file):\(line): the record starting here is longer than \(CSVError.maximumRecordBytes) bytes, the most a row may hold; check for a missing line break or an unclosed quote"
        }
    }
}
