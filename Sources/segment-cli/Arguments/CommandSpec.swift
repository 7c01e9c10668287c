/// A command's static description: names, help texts, options and positional arity.
///
/// Commands declare one of these as a value (in the spirit of mlpack's
/// declarative bindings); `ArgumentParser` parses against it and
/// `HelpFormatter` renders it.
struct CommandSpec: Sendable {
    /// The command name, e.g. `"cluster"`.
    var name: String
    /// Other names the command answers to, e.g. `["select-k"]`.
    var aliases: [String] = []
    /// A one-line summary.
    var abstract: String
    /// Longer help: paragraphs separated by blank lines; lines starting with a space are kept verbatim.
    var discussion: String = ""
    /// The usage line, e.g. `"segment inspect [options] [FILE]"`.
    var usage: String
    /// The options the command accepts (`--help`/`-h` is implicit).
    var options: [OptionSpec]
    /// The fewest and most positional arguments accepted; `max` may be `Int.max`.
    var positionals: (min: Int, max: Int) = (0, 1)
    /// Complete example invocations, shown in help.
    var examples: [String]
    /// Whether the positional arguments are input files (standard input
    /// when there are none), rather than names such as `help COMMAND`'s.
    var positionalsAreInputFiles = true
}

/// Lookups the parser and help formatter share.
extension CommandSpec {
    /// The option whose long name is `name`, if any.
    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    /// The option whose short name is `short`, if any.
    func option(short: Character) -> OptionSpec? {
        options.first { $0.short == short }
    }

    /// The placeholder for positional arguments, taken from `usage`.
    ///
    /// It is the first upper-case word of the usage line (brackets and `...`
    /// stripped) that is not an option's value, so `"segment inspect [options] [FILE]"`
    /// gives `"FILE"`. Falls back to `"FILE"`.
    var positionalName: String {
        var previous = ""
        for token in usage.split(separator: " ").map(String.init) {
            defer { previous = token }
            let word = token.filter { !"[]….".contains($0) }
            let isPlaceholder = word.contains(where: \.isLetter)
                && word.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" || $0 == "-" }
            let isOptionValue = previous.drop { $0 == "[" }.hasPrefix("-")
            if isPlaceholder && !word.hasPrefix("-") && !isOptionValue { return word }
        }
        return "FILE"
    }
}
