/// A `segment` subcommand: a static description plus a run function that
/// parses, validates, calls SegmentCore and writes the result.
protocol SegmentCommand: Sendable {
    /// Name, help, options and examples.
    static var spec: CommandSpec { get }
    /// Runs the command with parsed arguments.
    /// - Throws: `UsageError` (exit 2), `SegmentError`/`CSVError` (exit 1 or 2),
    ///   `BrokenPipe` (quiet exit).
    static func run(_ arguments: ParsedArguments, console: Console) throws
}
