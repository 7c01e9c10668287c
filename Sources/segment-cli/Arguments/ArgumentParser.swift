/// Parses a command's arguments against its `CommandSpec`.
///
/// Accepted forms: `--name value`, `--name=value`, `-o value`, `-ovalue` (also
/// `-o=value`), and flags `--quiet`/`-q`. Short flags cannot be bundled (`-qv`).
/// `--` ends the options; a lone `-` is a positional (stdin). A value may start
/// with a dash only if it is a number (`--shift -1`) or a lone `-`; anything
/// else dash-led (`--k --seed`) counts as a missing value, so write `--name=-x`.
/// A non-repeatable option given a second, different value is a usage error
/// (the same value again, or a flag again, is harmless).
enum ArgumentParser {
    /// Parses `arguments` (without program and command name) for `spec`.
    ///
    /// `--help` or `-h` anywhere before `--` wins over every other problem.
    ///
    /// - Throws: `HelpRequested` when help was asked for; otherwise `UsageError`
    ///   for the first problem found, left to right, then for the positional count.
    static func parse(_ arguments: [String], for spec: CommandSpec) throws -> ParsedArguments {
        spec.checkConsistency()
        if arguments.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            throw HelpRequested()
        }
        var parsed = ParsedArguments(command: spec)
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" {
                parsed.positionals += remaining
                break
            } else if argument.hasPrefix("--") {
                try parseLong(argument, rest: &remaining, spec: spec, into: &parsed)
            } else if looksLikeOption(argument) {
                try parseShort(argument, rest: &remaining, spec: spec, into: &parsed)
            } else {
                parsed.positionals.append(argument)
            }
        }
        try checkPositionalCount(parsed.positionals, spec: spec)
        try checkApplicability(parsed, spec: spec)
        return parsed
    }

    /// Handles `--name`, `--name value` and `--name=value`.
    private static func parseLong(
        _ argument: String, rest: inout ArraySlice<String>, spec: CommandSpec, into parsed: inout ParsedArguments
    ) throws {
        let body = argument.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let attached = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        guard let option = spec.option(named: name) else {
            throw unknownOption(argument.prefix { $0 != "=" }, nearest: name, spec: spec)
        }
        try take(option, attached: attached, rest: &rest, into: &parsed)
    }

    /// Handles `-o`, `-o value`, `-ovalue` and `-o=value`.
    private static func parseShort(
        _ argument: String, rest: inout ArraySlice<String>, spec: CommandSpec, into parsed: inout ParsedArguments
    ) throws {
        let letter = argument.dropFirst().first!
        guard let option = spec.option(short: letter) else {
            // "-features" was probably meant as "--features"; a lone letter has no useful neighbour.
            throw unknownOption(Substring(argument), nearest: argument.count > 2 ? String(argument.dropFirst()) : nil,
                                spec: spec)
        }
        let tail = argument.dropFirst(2)
        let attached = tail.isEmpty ? nil : String(tail.hasPrefix("=") ? tail.dropFirst() : tail)
        try take(option, attached: attached, rest: &rest, into: &parsed)
    }

    /// Records one occurrence of `option`, taking its value from `attached` or the next argument.
    private static func take(
        _ option: OptionSpec, attached: String?, rest: inout ArraySlice<String>, into parsed: inout ParsedArguments
    ) throws {
        guard let valueName = option.valueName else {
            if attached != nil {
                throw UsageError(message: "option '\(option.longSpelling)' does not take a value")
            }
            parsed.record(option, value: nil)
            return
        }
        let value: String
        if let attached {
            value = attached
        } else if let next = rest.first, !looksLikeOption(next) {
            value = rest.removeFirst()
        } else {
            throw UsageError(message: "option '\(option.longSpelling)' needs a value (\(valueName))")
        }
        if let choices = option.choices, !choices.contains(value) {
            var message = "invalid value '\(value)' for '\(option.longSpelling)'; expected one of: "
                + choices.joined(separator: ", ")
            if let near = suggestion(for: value, among: choices) { message += "; did you mean '\(near)'?" }
            throw UsageError(message: message)
        }
        if !option.repeatable, let first = parsed.values(of: option.name).first, first != value {
            throw UsageError(message: "option '\(option.longSpelling)' given twice ('\(first)', then '\(value)'); give it once")
        }
        parsed.record(option, value: value)
    }

    /// Whether `argument` looks like an option (`-o`, `-ofile`, `--k`, `--`): a dash
    /// then something that is not a number, so `-` and `-1.5` are values.
    private static func looksLikeOption(_ argument: String) -> Bool {
        argument.hasPrefix("-") && argument.count > 1 && Double(argument) == nil
    }

    /// The error for an option the command does not declare, with the nearest long name if close.
    private static func unknownOption(_ spelling: Substring, nearest word: String?, spec: CommandSpec) -> UsageError {
        var message = "unknown option '\(spelling)'"
        let names = spec.options.map(\.name) + ["help"]
        if let word, let near = suggestion(for: word, among: names) { message += "; did you mean '--\(near)'?" }
        return UsageError(message: message)
    }

    /// Rejects a given option that does not apply with the value of the
    /// option it depends on (`OptionSpec.appliesOnlyWith`), default included.
    private static func checkApplicability(_ parsed: ParsedArguments, spec: CommandSpec) throws {
        for option in spec.options where parsed.has(option.name) {
            guard let (name, values) = option.appliesOnlyWith, spec.option(named: name) != nil,
                  let value = parsed.string(name), !values.contains(value) else { continue }
            throw UsageError(message: "option '\(option.longSpelling)' does not apply to --\(name) \(value) (only to \(values.joined(separator: ", "))); drop it")
        }
    }

    /// Checks the number of positionals against `spec.positionals`.
    private static func checkPositionalCount(_ positionals: [String], spec: CommandSpec) throws {
        let (fewest, most) = spec.positionals
        let noun = spec.positionalName.lowercased()
        if positionals.count > most {
            let limit = most == 0 ? "no \(noun)s" : "at most \(most) \(noun)\(most == 1 ? "" : "s")"
            throw UsageError(message: "unexpected argument '\(positionals[most])'; this command takes \(limit)")
        }
        if positionals.count < fewest {
            throw UsageError(message: "missing argument: \(spec.positionalName)")
        }
    }
}
