/// A failure caused by input data or the environment (exit code 1).
///
/// Every case's description says where the problem is, what was expected and
/// found, and how to fix it. A message may refer to parameters
/// (`ParameterText`), for example to say which one chooses how missing
/// values are treated; a parameter value that cannot work is a
/// `ParameterError` instead.
public enum SegmentError: Error, Equatable, ParameterNamingError {
    /// A file could not be opened.
    case cannotOpen(path: String, reason: String)
    /// Reading failed part-way.
    case readFailed(path: String, reason: String)
    /// Writing an output file failed.
    case writeFailed(path: String, reason: String)
    /// A problem with the data at a known place. `line` and `column` are
    /// optional when the place is not known.
    case invalidData(file: String, line: Int?, column: String?, message: ParameterText)
    /// A problem with the input as a whole (exit code 1).
    case invalidInput(ParameterText)

    /// The description naming file, line and column where known, with
    /// parameter references left for the reader to spell.
    public var text: ParameterText {
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
            return ParameterText(place + ": ") + message
        case .invalidInput(let message):
            return message
        }
    }
}
