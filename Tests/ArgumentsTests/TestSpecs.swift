@testable import segment_cli

/// Command specs shared by the argument tests, shaped like real `segment` commands.
enum TestSpecs {
    /// A `cluster`-like command: choices, flags, short names, defaults, a repeatable option, one FILE.
    static let cluster = CommandSpec(
        name: "cluster",
        abstract: "Assign every row to a segment.",
        discussion: "Segment ids are 0..k-1, numbered by decreasing size.",
        usage: "segment cluster [options] [FILE]",
        options: [
            OptionSpec("algorithm", short: "a", value: "NAME", help: "The clustering algorithm.", default: "kmeans",
                       choices: ["kmeans", "agglomerative", "dbscan", "birch", "minibatch-kmeans"]),
            OptionSpec("features", value: "A,B,C", help: "Feature columns by header name."),
            OptionSpec("k", value: "N", help: "Number of segments.", default: "auto"),
            OptionSpec("seed", value: "N", help: "Seed of the random generator.", default: "0"),
            OptionSpec("tol", value: "X", help: "Relative tolerance.", default: "1e-4"),
            OptionSpec("eps", value: "X", help: "Neighbourhood radius."),
            OptionSpec("output", short: "o", value: "FILE", help: "Write to FILE instead of stdout."),
            OptionSpec("exclude", value: "COL", help: "Leave COL out.", repeatable: true),
            OptionSpec("quiet", short: "q", help: "Print only errors."),
            OptionSpec("no-header", help: "The input has no header row."),
        ],
        examples: ["segment cluster data.csv --k 5", "segment cluster data.csv --algorithm dbscan"]
    )

    /// A command taking no positionals, like `recommend`.
    static let recommend = CommandSpec(
        name: "recommend",
        abstract: "Top-N items per customer.",
        usage: "segment recommend --purchases FILE [--catalog FILE]",
        options: [OptionSpec("purchases", value: "FILE", help: "Purchases.")],
        positionals: (0, 0),
        examples: ["segment recommend --purchases p.csv"]
    )

    /// A command requiring one to three positionals.
    static let join = CommandSpec(
        name: "join",
        abstract: "Join tables.",
        usage: "segment join [options] TABLE...",
        options: [],
        positionals: (1, 3),
        examples: ["segment join a.csv b.csv"]
    )

    /// A command taking any number of files.
    static let cat = CommandSpec(
        name: "cat",
        abstract: "Concatenate.",
        usage: "segment cat [FILE...]",
        options: [OptionSpec("quiet", short: "q", help: "Print only errors.")],
        positionals: (0, .max),
        examples: ["segment cat a.csv b.csv"]
    )
}

/// Parses `arguments` for the cluster-like spec.
func parseCluster(_ arguments: [String]) throws -> ParsedArguments {
    try ArgumentParser.parse(arguments, for: TestSpecs.cluster)
}

/// The message of the `UsageError` that `body` throws, or `nil` when it throws none.
func usageMessage(_ body: () throws -> Any?) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as UsageError {
        return error.message
    } catch {
        return "unexpected error: \(error)"
    }
}

/// Reading parsed text the way typed options do (`OptionNumbers`,
/// `NameList`), so the parser tests can check values without declaring a
/// typed options struct per case.
extension ParsedArguments {
    /// Whether the flag was given.
    func flag(_ name: String) -> Bool { has(name) }

    /// Every value given, else the default as a single value.
    func strings(_ name: String) -> [String] {
        has(name) ? values(of: name) : string(name).map { [$0] } ?? []
    }

    /// The value as a `NameList`'s names.
    func list(_ name: String) -> [String]? {
        string(name).map { NameList(optionText: $0, option: spec(name)).names }
    }

    /// The value of an option with choices.
    func choice(_ name: String) -> String? { string(name) }

    /// The value as `OptionNumbers.int` reads it.
    func int(_ name: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
        try string(name).map { try OptionNumbers.int($0, in: range ?? Int.min...Int.max, option: spec(name)) }
    }

    /// The value as `OptionNumbers.double` reads it.
    func double(_ name: String, in range: ClosedRange<Double>? = nil, exclusiveLowerBound: Double? = nil) throws -> Double? {
        try string(name).map { try OptionNumbers.double($0, in: range, exclusiveLowerBound: exclusiveLowerBound, option: spec(name)) }
    }
}
