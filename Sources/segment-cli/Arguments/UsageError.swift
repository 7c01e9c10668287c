/// A mistake in the command line (exit status 2), described by one plain sentence.
///
/// The message names what was wrong and, where possible, the fix; the caller
/// adds the usage line and the pointer to help with `usageErrorText(_:spec:)`.
struct UsageError: Error, CustomStringConvertible, Equatable {
    /// One plain sentence, without a trailing period, e.g. `"option '--k' needs a value (N)"`.
    let message: String
    /// The message itself.
    var description: String { message }
}

/// The full text printed to stderr for a usage error: the message, the usage line and a pointer to help.
///
/// - Parameters:
///   - error: The error to report.
///   - spec: The command whose arguments were being parsed.
/// - Returns: `"segment: error: <message>\nusage: <usage>\nsee 'segment <name> --help'"`, without a trailing newline.
func usageErrorText(_ error: UsageError, spec: CommandSpec) -> String {
    """
    segment: error: \(error.message)
    usage: \(spec.usage)
    see 'segment \(spec.name) --help'
    """
}
