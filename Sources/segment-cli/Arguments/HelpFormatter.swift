/// Renders help screens from command specs, wrapped to 80 columns.
///
/// The texts have no trailing newline; print them with `print`.
enum HelpFormatter {
    /// The width of every help screen.
    static let width = 80
    /// The widest left column before a row's text moves to the next line.
    static let maxLabelWidth = 26

    /// The help for one command: usage, abstract, discussion, aliases, options and examples.
    ///
    /// Each option shows its names, value placeholder and help, then
    /// `(one of: …)`, `(repeatable)` and `(default: …)` where they apply;
    /// `-h, --help` is listed last.
    ///
    /// - Parameters:
    ///   - spec: The command to describe.
    ///   - programName: Replaces the leading `segment` of usage and examples.
    static func help(for spec: CommandSpec, programName: String = "segment") -> String {
        var sections = ["USAGE: " + renamed(spec.usage, to: programName), prose(spec.abstract)]
        if !spec.discussion.isEmpty { sections.append(prose(spec.discussion)) }
        if !spec.aliases.isEmpty {
            sections.append("ALIASES: " + spec.aliases.joined(separator: ", "))
        }
        let rows = spec.options.map { (label(for: $0), details(for: $0)) }
            + [("-h, --help", ["Show help information."])]
        sections.append("OPTIONS:\n" + table(rows))
        if !spec.examples.isEmpty {
            sections.append("EXAMPLES:\n" + spec.examples.map { "  " + renamed($0, to: programName) }
                .joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n")
    }

    /// The help for `segment --help`: every command with its abstract, and where to find more.
    ///
    /// - Parameters:
    ///   - commands: The commands in display order; aliases are shown after the name.
    ///   - version: The program version, shown in the first line.
    static func overview(commands: [CommandSpec], version: String) -> String {
        let commandRows = commands.map { command in
            ([command.name] + command.aliases).joined(separator: ", ")
        }
        return [
            prose("OVERVIEW: segment \(version) - customer segmentation from the command line"),
            "USAGE: segment <command> [options] [FILE]",
            "COMMANDS:\n" + table(zip(commandRows, commands.map { [$0.abstract] }).map { ($0, $1) }),
            "OPTIONS:\n" + table([("-h, --help", ["Show help information."]), ("    --version", ["Show the version."])]),
            prose("See 'segment help <command>' or 'segment <command> --help' for a command's options and examples."),
        ].joined(separator: "\n\n")
    }

    /// The left column for an option: `-o, --output FILE` or `    --features A,B,C`.
    private static func label(for option: OptionSpec) -> String {
        let names = (option.short.map { "-\($0), " } ?? "    ") + option.longSpelling
        return option.valueName.map { names + " " + $0 } ?? names
    }

    /// The words of an option's help, with its choices, repeatability and default as unbreakable phrases.
    private static func details(for option: OptionSpec) -> [String] {
        var words = option.help.split(separator: " ").map(String.init)
        if let choices = option.choices {
            // One phrase per choice, so a long list breaks only after a comma.
            words += choices.enumerated().map { index, choice in
                (index == 0 ? "(one of: " : "") + choice + (index == choices.count - 1 ? ")" : ",")
            }
        }
        if option.repeatable { words.append("(repeatable)") }
        if let value = option.defaultDescription ?? option.defaultValue { words.append("(default: \(value))") }
        return words
    }

    /// Two aligned columns indented by two spaces; the right column is wrapped to `width`.
    private static func table(_ rows: [(label: String, words: [String])]) -> String {
        let labelWidth = min(rows.map(\.label.count).max() ?? 0, maxLabelWidth)
        let indent = String(repeating: " ", count: 2 + labelWidth + 2)
        var lines: [String] = []
        for (label, words) in rows {
            var text = TextWrapping.lines(of: words, width: max(20, width - indent.count))
            if label.count > labelWidth {
                lines.append("  " + label)
            } else if !text.isEmpty {
                let padding = String(repeating: " ", count: labelWidth - label.count + 2)
                lines.append("  " + label + padding + text.removeFirst())
            } else {
                lines.append("  " + label)
            }
            lines += text.map { indent + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` reflowed to `width` (see `TextWrapping.paragraphs`).
    private static func prose(_ text: String) -> String {
        TextWrapping.paragraphs(text, width: width).joined(separator: "\n")
    }

    /// `text` with a leading `segment ` replaced by `programName`.
    private static func renamed(_ text: String, to programName: String) -> String {
        guard programName != "segment", text.hasPrefix("segment ") else { return text }
        return programName + text.dropFirst("segment".count)
    }
}
