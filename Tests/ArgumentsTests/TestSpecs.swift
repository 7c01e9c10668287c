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
