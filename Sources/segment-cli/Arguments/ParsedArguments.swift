import Foundation
import SegmentCore

/// The result of parsing one command's arguments: the options given and the
/// positionals, as text. Commands never read it: `CommandOptions.init(_:)`
/// turns it into their typed options.
///
/// Accessors take an option's long name without dashes. Asking for a name the
/// command does not declare is a programmer error and stops the program.
struct ParsedArguments: Sendable {
    /// The command the arguments were parsed for.
    let command: CommandSpec
    /// The positional arguments in order (`-` stands for stdin).
    var positionals: [String]
    /// Every value given, by long option name, in command-line order; flags map to `[]`.
    private(set) var given: [String: [String]] = [:]

    /// Creates an empty result for `command`, to be filled by the parser.
    init(command: CommandSpec, positionals: [String] = []) {
        self.command = command
        self.positionals = positionals
    }

    /// Records one occurrence of `option`, with its value unless it is a flag.
    mutating func record(_ option: OptionSpec, value: String?) {
        given[option.name, default: []].append(contentsOf: value.map { [$0] } ?? [])
    }

    /// The values given for `name` on the command line, in order (defaults
    /// not included; a flag's occurrences have none).
    func values(of name: String) -> [String] {
        given[name] ?? []
    }

    /// Whether the option appeared on the command line (defaults do not count).
    func has(_ name: String) -> Bool {
        _ = spec(name)
        return given[name] != nil
    }

    /// The last value given for `name`, else its default, else `nil`.
    ///
    /// (A non-repeatable option has at most one distinct value: the parser
    /// rejects a second one.)
    func string(_ name: String) -> String? {
        let option = spec(name)
        precondition(!option.isFlag, "'--\(name)' is a flag")
        return given[name]?.last ?? option.defaultValue
    }

    /// Every file the arguments name, in command-line order: the inputs
    /// (positionals, standard input when none is given) and each option
    /// declared with a `FileRole`.
    var fileUses: [FileUse] {
        var uses: [FileUse] = []
        if command.positionalsAreInputFiles {
            uses += (positionals.isEmpty ? ["-"] : positionals).map { FileUse("the input", path: $0, .read) }
        }
        for option in command.options {
            guard let role = option.file else { continue }
            switch role {
            case .input:
                uses += values(of: option.name).map { FileUse(option.fileSpelling, path: $0, .read) }
            case .output(let standardOutputWhenAbsent):
                let paths = values(of: option.name)
                uses += (paths.isEmpty && standardOutputWhenAbsent ? ["-"] : paths).map { FileUse(option.fileSpelling, path: $0, .write) }
            }
        }
        return uses
    }

    /// The declared option `name`; stops the program when the command has none.
    func spec(_ name: String) -> OptionSpec {
        guard let option = command.option(named: name) else {
            preconditionFailure("command '\(command.name)' declares no option '--\(name)'")
        }
        return option
    }
}
