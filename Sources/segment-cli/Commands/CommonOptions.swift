import SegmentCore

/// Options shared by many commands, declared once so names, defaults and
/// help stay identical everywhere (see `../shared/CLI.md`).
enum CommonOptions {
    /// Reading delimited input.
    static let input: [OptionSpec] = [
        OptionSpec("delimiter", value: "CHAR", help: "Field separator: tab, comma, semicolon, pipe or one character. Default: tab for .tsv files, else comma."),
        OptionSpec("no-header", help: "The first line is data; columns are named col1..colN."),
    ]

    /// Choosing and preparing feature columns.
    static let features: [OptionSpec] = [
        OptionSpec("features", value: "A,B,C", help: "Feature columns by header name (exact, then case-insensitive). Categorical columns are one-hot encoded.", defaultDescription: "every numeric column except the id"),
        OptionSpec("id", value: "COL", help: "Id column carried to every output.", defaultDescription: "first unique column whose last word is 'id'"),
        OptionSpec("missing", value: "POLICY", help: "Missing values (empty, NA, N/A, NaN, null): stop with an error, drop the row (kept in the output with an empty label), or fill it.", default: "error", choices: MissingPolicy.allCases.map(\.rawValue)),
        OptionSpec("scale", value: "METHOD", help: "Feature scaling; one-hot indicators are never scaled.", default: "standard", choices: ScaleMethod.allCases.map(\.rawValue)),
    ]

    /// Writing output.
    static func output(formats: [OutputFormat], defaultFormat: String?, defaultDescription: String? = nil) -> [OptionSpec] {
        [
            OptionSpec("output", short: "o", value: "FILE", help: "Write to FILE atomically (temporary file + rename) instead of standard output."),
            OptionSpec("format", value: "FORMAT", help: "Output format.", default: defaultFormat, defaultDescription: defaultDescription, choices: formats.map(\.rawValue)),
        ]
    }

    /// Seed, threads and verbosity.
    static let runtime: [OptionSpec] = [
        OptionSpec("seed", value: "N", help: "Random seed: the same input, options and seed give byte-identical output for any --threads.", default: "0"),
        OptionSpec("threads", value: "N", help: "Worker threads.", defaultDescription: "all cores"),
        OptionSpec("quiet", short: "q", help: "Print only errors on standard error."),
    ]

    /// The seed for `--seed`.
    static func seed(_ arguments: ParsedArguments) throws -> UInt64 {
        guard let text = arguments.string("seed") else { return 0 }
        guard let seed = UInt64(text) else {
            throw UsageError(message: "--seed expects a whole number from 0 to \(UInt64.max), got '\(text)'")
        }
        return seed
    }

    /// The thread count for `--threads`.
    static func threads(_ arguments: ParsedArguments) throws -> Int {
        guard arguments.has("threads") else { return availableCores }
        return try arguments.int("threads", in: 1...4096) ?? availableCores
    }

    /// The input source: FILE, `-`, or standard input when it is not a terminal.
    static func inputSource(_ arguments: ParsedArguments) throws -> InputSource {
        if let path = arguments.positionals.first { return InputSource(argument: path) }
        if Console.standardInputIsTerminal {
            throw UsageError(message: "missing input: give a FILE, or pipe CSV data into segment")
        }
        return .standardInput
    }

    /// The dialect for `source` from `--delimiter` and `--no-header`.
    static func dialect(_ arguments: ParsedArguments, for source: InputSource) throws -> CSVDialect {
        try CSVDialect.forSource(source, delimiter: arguments.string("delimiter"), hasHeader: !arguments.flag("no-header"))
    }

    /// Loads the input table.
    static func loadTable(_ arguments: ParsedArguments) throws -> Table {
        let source = try inputSource(arguments)
        return try TableLoader.load(source, dialect: try dialect(arguments, for: source), threads: try threads(arguments))
    }

    /// The output format: `--format`, else `table` for a report printed to a
    /// terminal, else `fallback`.
    static func format(_ arguments: ParsedArguments, report: Bool, fallback: OutputFormat = .csv) -> OutputFormat {
        if let chosen = arguments.choice("format"), let format = OutputFormat(rawValue: chosen) { return format }
        if report && !arguments.has("output") && Console.standardOutputIsTerminal { return .table }
        return fallback
    }

    /// Opens `-o FILE` or standard output.
    static func openOutput(_ arguments: ParsedArguments) throws -> OutputSink {
        try OutputSink(OutputDestination(argument: arguments.string("output")))
    }

    /// Resolves `--id` and `--features` and fits the feature pipeline.
    /// - Parameters:
    ///   - excluded: columns never chosen as default features (such as a
    ///     label column being scored).
    ///   - forDistances: whether the features feed distance computations, so
    ///     that values beyond `FeatureMagnitude.limit` are refused (`scale`
    ///     only rewrites values and passes false).
    static func prepareFeatures(_ table: Table, _ arguments: ParsedArguments, excluding excluded: [Int] = [],
                                forDistances: Bool = true) throws -> PreparedFeatures {
        guard table.rowCount > 0 else {
            throw SegmentError.invalidInput("\(table.source): the file has a header but no data rows")
        }
        let (idColumn, featureColumns) = try chooseColumns(table, arguments, excluding: excluded)
        let scale = scaleMethod(arguments), threads = try threads(arguments)
        let (pipeline, features) = try FeaturePipeline.fit(table: table, featureColumns: featureColumns, missing: missingPolicy(arguments),
                                                           scale: scale, threads: threads)
        if forDistances {
            let rows = features.tableRows
            try FeatureMagnitude.check(features.matrix, names: pipeline.outputNames, source: table.source,
                                       lines: { table.rowLines[rows[$0]] }, scale: scale, threads: threads)
        }
        return PreparedFeatures(idColumn: idColumn, featureColumns: featureColumns, pipeline: pipeline, features: features)
    }

    /// Resolves `--id` and `--features` (default: every numeric column but
    /// the id and `excluded`).
    static func chooseColumns(_ table: Table, _ arguments: ParsedArguments, excluding excluded: [Int] = []) throws -> (id: Int?, features: [Int]) {
        let idColumn = try ColumnSelection.idColumn(in: table, explicit: arguments.string("id"))
        if let names = arguments.list("features") {
            return (idColumn, try ColumnSelection.resolve(names, in: table.columnNames, parameter: "features"))
        }
        return (idColumn, ColumnSelection.defaultFeatures(in: table, idColumn: idColumn).filter { !excluded.contains($0) })
    }

    /// The policy of `--missing`.
    static func missingPolicy(_ arguments: ParsedArguments) -> MissingPolicy {
        MissingPolicy(rawValue: arguments.choice("missing") ?? "error") ?? .error
    }

    /// The method of `--scale`.
    static func scaleMethod(_ arguments: ParsedArguments) -> ScaleMethod {
        ScaleMethod(rawValue: arguments.choice("scale") ?? "standard") ?? .standard
    }
}

/// The result of `CommonOptions.prepareFeatures`.
struct PreparedFeatures {
    /// The id column, if any.
    var idColumn: Int?
    /// The table columns used as features.
    var featureColumns: [Int]
    /// The fitted pipeline.
    var pipeline: FeaturePipeline
    /// The scaled feature matrix and its table rows.
    var features: FeatureMatrix
}
