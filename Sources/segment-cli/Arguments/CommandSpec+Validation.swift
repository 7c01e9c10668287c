/// Checks of a spec against itself, run before every parse.
extension CommandSpec {
    /// Stops the program if the spec contradicts itself: a programmer error, not a usage error.
    ///
    /// Checks that long and short names are unique, that `help`/`h` are not
    /// redeclared, that choice lists are non-empty, and that the positional
    /// range is valid.
    func checkConsistency() {
        var longNames: Set<String> = ["help"]
        var shortNames: Set<Character> = ["h"]
        for option in options {
            precondition(!option.name.isEmpty && !option.name.hasPrefix("-"),
                         "\(name): option name '\(option.name)' must be non-empty and given without dashes")
            precondition(longNames.insert(option.name).inserted,
                         "\(name): option '--\(option.name)' is declared twice or clashes with --help")
            if let short = option.short {
                precondition(shortNames.insert(short).inserted,
                             "\(name): short option '-\(short)' is declared twice or clashes with -h")
            }
            precondition(option.choices.map { !$0.isEmpty } ?? true,
                         "\(name): option '--\(option.name)' has an empty list of choices")
        }
        precondition(0 <= positionals.min && positionals.min <= positionals.max,
                     "\(name): invalid positional range \(positionals)")
    }
}
