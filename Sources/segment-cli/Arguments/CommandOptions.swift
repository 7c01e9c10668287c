/// A command's options as one typed value.
///
/// Each command declares its options once, in `declarations`: the name,
/// the stored property each sets, the value's type, help, and — from the
/// property's initial value in `init()` — the default. The parser, help,
/// the reference test and the command all read that one declaration; the
/// command itself receives the filled-in struct and reads no option by name.
protocol CommandOptions: Sendable {
    /// Every option at its default.
    init()
    /// The options, in the order help lists them.
    static var declarations: [Option<Self>] { get }
    /// The positional arguments in order (`-` stands for standard input).
    var positionals: [String] { get set }
    /// Whether `--quiet` asked for errors only (false for commands without it).
    var quiet: Bool { get }
}

extension CommandOptions {
    /// Commands without `--quiet` print their notes.
    var quiet: Bool { false }

    /// The option specs the parser and help use, each with its default as
    /// help shows it (the property's initial value).
    static var optionSpecs: [OptionSpec] {
        let defaults = Self()
        return declarations.map { declaration in
            var spec = declaration.spec
            if spec.defaultDescription == nil, spec.defaultValue == nil { spec.defaultValue = declaration.defaultText(defaults) }
            return spec
        }
    }

    /// The options as parsed: defaults, overwritten by each option given.
    ///
    /// - Throws: `UsageError` for a value of the wrong type or out of range.
    init(_ parsed: ParsedArguments) throws {
        self.init()
        positionals = parsed.positionals
        for declaration in Self.declarations where parsed.has(declaration.spec.name) {
            try declaration.assign(&self, parsed.values(of: declaration.spec.name))
        }
    }
}
