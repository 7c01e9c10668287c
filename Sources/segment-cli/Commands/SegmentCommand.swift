import SegmentCore

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
    ///
    /// - Throws: `UsageError` first of all when an output would replace an
    ///   input or another output (`FileConflict`), before anything is read.
    static func run(parsed: ParsedArguments, console: Console) throws {
        if let conflict = FileConflict.first(among: parsed.fileUses) { throw UsageError(conflict) }
        let options = try Options(parsed)
        var console = console
        console.quiet = options.quiet
        try run(options, console: console)
    }
}

extension UsageError {
    /// The usage error for two uses of one file, saying what would be lost.
    init(_ conflict: FileConflict) {
        let (first, second) = (conflict.first, conflict.second)
        func named(_ use: FileUse) -> String { use.role == "the input" ? "the input '\(use.path)'" : "\(use.role) '\(use.path)'" }
        switch (first.direction, second.direction) {
        case (.read, .read):
            self.init(message: "\(first.role) and \(second.role) both read standard input, which can be read once; give one of them as a file")
        case (.write, .write) where second.path == "-":
            self.init(message: "\(first.role) and \(second.role) both write to standard output; give one of them a file name")
        case (.write, .write):
            self.init(message: "\(first.role) and \(second.role) both write '\(second.path)', so one would be lost; give each output its own file")
        case (.read, .write):
            self.init(message: "\(second.role) would overwrite \(named(first)); an output never replaces an input: write it to another file")
        case (.write, .read):
            self.init(message: "\(first.role) would overwrite \(named(second)); an output never replaces an input: write it to another file")
        }
    }
}

/// The options of a command that takes none.
struct NoOptions: CommandOptions {
    /// The positional arguments.
    var positionals: [String] = []
    /// No options.
    static let declarations: [Option<NoOptions>] = []
}
