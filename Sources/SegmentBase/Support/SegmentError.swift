/// A failure caused by input data or the environment (exit code 1).
///
/// Every case's description says where the problem is, what was expected and
/// found, and how to fix it.
public enum SegmentError: Error, Equatable, CustomStringConvertible {
    /// A file could not be opened.
    case cannotOpen(path: String, reason: String)
    /// Reading failed part-way.
    case readFailed(path: String, reason: String)
    /// Writing an output file failed.
    case writeFailed(path: String, reason: String)
    /// A problem with the data at a known place. `line` and `column` are
    /// optional when the place is not known.
    case invalidData(file: String, line: Int?, column: String?, message: String)
    /// A problem with the input as a whole (exit code 1).
    case invalidInput(String)
    /// An option whose value does not fit the data, such as a column name that
    /// is not in the file or `k` larger than the number of rows (exit code 2).
    case invalidParameter(String)

    /// Whether the user fixes this by changing the command line (exit code 2)
    /// rather than the data (exit code 1).
    public var isUsageError: Bool {
        if case .invalidParameter = self { return true }
        return false
    }

    /// A human-readable description naming file, line and column where known.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open '\(path)': \(reason)"
        case .readFailed(let path, let reason):
            return "reading '\(path)' failed: \(reason)"
        case .writeFailed(let path, let reason):
            return "cannot write '\(path)': \(reason)"
        case .invalidData(let file, let line, let column, let message):
            var place = file
            if let line { place += ":\(line)" }
            if let column { place += " column '\(column)'" }
            return "\(place): \(message)"
        case .invalidInput(let message), .invalidParameter(let message):
            return message
        }
    }
}
