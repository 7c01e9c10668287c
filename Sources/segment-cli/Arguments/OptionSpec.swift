/// One command-line option: its names, whether it takes a value, and how help describes it.
///
/// A spec with `valueName == nil` is a boolean flag (`--quiet`); any other spec
/// takes exactly one value per occurrence (`--k 5`, `--k=5`, `-o out.csv`, `-oout.csv`).
struct OptionSpec: Sendable {
    /// The long name without dashes, e.g. `"features"` for `--features`.
    var name: String
    /// The single-letter short name, e.g. `"o"` for `-o`; `nil` when there is none.
    var short: Character?
    /// The placeholder shown in help (`"N"`, `"FILE"`, `"A,B,C"`); `nil` makes the option a flag.
    var valueName: String?
    /// One or two sentences for the help screen.
    var help: String
    /// The value used when the option is absent; shown in help as `(default: …)`.
    var defaultValue: String?
    /// How help describes a default that is computed rather than a literal
    /// value (e.g. "all cores"); never returned as the option's value.
    var defaultDescription: String?
    /// The only values accepted, checked while parsing; shown in help as `(one of: …)`.
    var choices: [String]?
    /// Whether help should advertise that the option may be given several times.
    ///
    /// A non-repeatable option takes one value: the parser rejects a
    /// second, different one.
    var repeatable: Bool = false
    /// When the option applies only for some values of another option of
    /// the same command (`--eps` only with `--algorithm dbscan`): that
    /// option's name and the values. Given otherwise, it is a usage error
    /// rather than silently ignored.
    var appliesOnlyWith: (option: String, values: [String])?
    /// When the value is a path the command reads or writes: which, so that
    /// no output replaces an input or another output (`FileConflict`).
    var file: FileRole?

    /// Creates an option.
    ///
    /// - Parameters:
    ///   - name: The long name without dashes.
    ///   - short: The single-letter short name, if any.
    ///   - value: The value placeholder; `nil` declares a boolean flag.
    ///   - help: The help text.
    ///   - default: The value used when the option is absent.
    ///   - defaultDescription: Help text for a computed default (used only in help).
    ///   - choices: The allowed values, validated at parse time.
    ///   - repeatable: Whether the option is meant to be given several times.
    init(
        _ name: String,
        short: Character? = nil,
        value: String? = nil,
        help: String,
        default: String? = nil,
        defaultDescription: String? = nil,
        choices: [String]? = nil,
        repeatable: Bool = false
    ) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.defaultValue = `default`
        self.defaultDescription = defaultDescription
        self.choices = choices
        self.repeatable = repeatable
    }

    /// This option, applying only when `option` has one of `values`.
    func only(with option: String, _ values: [String]) -> OptionSpec {
        var copy = self
        copy.appliesOnlyWith = (option, values)
        return copy
    }

    /// This option, naming a file the command reads or writes.
    func naming(_ role: FileRole) -> OptionSpec {
        var copy = self
        copy.file = role
        return copy
    }

    /// Whether the option is a boolean flag, i.e. takes no value.
    var isFlag: Bool { valueName == nil }

    /// The long spelling with dashes, e.g. `--features`, as used in messages.
    var longSpelling: String { "--" + name }

    /// How messages about the option's file name it: `-o` for the output, else the long spelling.
    var fileSpelling: String { short.map { "-\($0)" } ?? longSpelling }
}

/// How an option's value names a file.
enum FileRole: Sendable, Equatable {
    /// A file the command reads.
    case input
    /// A file the command writes; `standardOutputWhenAbsent` for `-o`,
    /// whose absence means standard output.
    case output(standardOutputWhenAbsent: Bool = false)
}
