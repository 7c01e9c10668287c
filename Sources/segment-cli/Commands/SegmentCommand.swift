/// A `segment` subcommand: a static description, its typed options, and a
/// run function that calls SegmentCore and writes the result.
protocol SegmentCommand: Sendable {
    /// The command's options, declared once (`CommandOptions.declarations`).
    associatedtype Options: CommandOptions
    /// Name, help, options (`Options.optionSpecs`) and examples.
    static var spec: CommandSpec { get }
    /// Runs the command with its options.
    /// - Throws: `UsageError` (exit 2), `ParameterError` (exit 2),
    ///   `SegmentError`/`CSVError` (exit 1 or 2), `BrokenPipe` (quiet exit).
    static func run(_ options: Options, console: Console) throws
}

extension SegmentCommand {
    /// Reads the typed options from `parsed` and runs the command, quiet when `--quiet` says so.
    static func run(parsed: ParsedArguments, console: Console) throws {
        let options = try Options(parsed)
        var console = console
        console.quiet = options.quiet
        try run(options, console: console)
    }
}

/// The options of a command that takes none.
struct NoOptions: CommandOptions {
    /// The positional arguments.
    var positionals: [String] = []
    /// No options.
    static let declarations: [Option<NoOptions>] = []
}
