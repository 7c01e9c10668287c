/// `segment help [CMD]`: the overview, or one command's help.
enum HelpCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "help",
        abstract: "Show help for segment or for one command.",
        usage: "segment help [COMMAND]",
        options: NoOptions.optionSpecs,
        positionals: (0, 1),
        examples: ["segment help cluster"],
        positionalsAreInputFiles: false
    )

    static func run(_ options: NoOptions, console: Console) throws {
        guard let name = options.positionals.first else {
            print(HelpFormatter.overview(commands: Segment.commands.map { $0.spec }, version: Segment.version))
            return
        }
        guard let command = Segment.command(named: name) else {
            var message = "unknown command '\(name)'"
            if let near = suggestion(for: name, among: Segment.commands.map { $0.spec.name }) { message += "; did you mean '\(near)'?" }
            throw UsageError(message: message)
        }
        print(HelpFormatter.help(for: command.spec))
    }
}
