import SegmentCore

/// `--delimiter` and `--no-header`: how delimited input is read.
struct InputOptions: Sendable {
    /// The field separator's name or character; `nil` picks by file name.
    var delimiter: String?
    /// Whether the first line is data.
    var noHeader = false

    /// The options, declared once for every command that reads a table.
    static let declarations: [Option<InputOptions>] = [
        .value("delimiter", \.delimiter, "CHAR", help: "Field separator: tab, comma, semicolon, pipe or one character. Default: tab for .tsv files, else comma."),
        .flag("no-header", \.noHeader, help: "The first line is data; columns are named col1..colN."),
    ]

    /// The input source: the first positional (FILE or `-`), or standard
    /// input when it is not a terminal.
    static func source(_ positionals: [String]) throws -> InputSource {
        if let path = positionals.first { return InputSource(argument: path) }
        if Console.standardInputIsTerminal {
            throw UsageError(message: "missing input: give a FILE, or pipe CSV data into segment")
        }
        return .standardInput
    }

    /// The dialect for `source`.
    func dialect(for source: InputSource) throws -> CSVDialect {
        try CSVDialect.forSource(source, delimiter: delimiter, hasHeader: !noHeader)
    }

    /// Loads the table named by `positionals` (see `source(_:)`).
    func loadTable(_ positionals: [String], threads: Int) throws -> Table {
        let source = try Self.source(positionals)
        return try TableLoader.load(source, dialect: try dialect(for: source), threads: threads)
    }
}

/// `--features`, `--id`, `--missing` and `--scale`: choosing and preparing
/// the feature columns.
struct FeatureOptions: Sendable {
    /// The feature columns by name; `nil` takes the default features.
    var features: NameList?
    /// The id column by name; `nil` detects it.
    var id: String?
    /// What to do with missing values.
    var missing = MissingPolicy.error
    /// How the features are scaled.
    var scale = ScaleMethod.standard

    /// The options, declared once for every command that clusters or scales.
    static let declarations: [Option<FeatureOptions>] = [
        .value("features", \.features, "A,B,C", help: "Feature columns by header name (exact, then case-insensitive). Categorical columns are one-hot encoded (kprototypes and kmedoids: kept as categories).", defaultDescription: "every numeric column except the id (kprototypes and kmedoids: also every categorical column)"),
        .value("id", \.id, "COL", help: "Id column carried to every output.", defaultDescription: "first unique column whose last word is 'id'"),
        .value("missing", \.missing, "POLICY", help: "Missing values (empty, NA, N/A, NaN, null): stop with an error, drop the row (kept in the output with an empty label), fill it, or keep it missing (keep: kmedoids with Gower only, which skips it per pair as cluster::daisy)."),
        .value("scale", \.scale, "METHOD", help: "Feature scaling; one-hot indicators are never scaled."),
    ]

    /// Resolves the id and feature columns and fits the feature pipeline.
    /// - Parameters:
    ///   - excluded: columns never chosen as default features (such as a
    ///     label column being scored).
    ///   - forDistances: whether the features feed distance computations, so
    ///     that values beyond `FeatureMagnitude.limit` are refused (`scale`
    ///     only rewrites values and passes false).
    ///   - algorithm: the clustering algorithm the features are for (`nil`:
    ///     not clustering); k-prototypes and k-medoids keep categories as
    ///     codes and take low-cardinality text columns as default features.
    ///   - metric: `--metric`, which decides whether `--missing keep` applies.
    func prepare(_ table: Table, threads: Int, excluding excluded: [Int] = [], forDistances: Bool = true,
                 for algorithm: ClusterAlgorithm? = nil, metric: MixedMetric? = nil) throws -> PreparedFeatures {
        guard table.rowCount > 0 else {
            throw SegmentError.invalidInput("\(table.source): the file has a header but no data rows")
        }
        if missing == .keep && !(algorithm == .kmedoids && (metric ?? .gower) == .gower) {
            throw UsageError(message: "--missing keep applies to --algorithm kmedoids with --metric gower only (Gower skips missing values per pair); choose error, drop, mean, median or mode")
        }
        let mixed = algorithm?.comparesCategories ?? false
        var (idColumn, featureColumns) = try chooseColumns(table, excluding: excluded)
        if mixed && features == nil {
            featureColumns = table.columns.indices.filter {
                $0 != idColumn && !excluded.contains($0) && (table.columns[$0].type.isNumeric || table.columns[$0].type == .categorical
                                                             || table.columns[$0].looksNumericWithErrors)
            }
        }
        let (pipeline, features) = try FeaturePipeline.fit(table: table, featureColumns: featureColumns, missing: missing,
                                                           scale: scale, categories: mixed ? .codes : .oneHot, threads: threads)
        if forDistances {
            let rows = features.tableRows
            try FeatureMagnitude.check(features.matrix, names: pipeline.outputNames, source: table.source,
                                       lines: { table.rowLines[rows[$0]] }, scale: scale, threads: threads)
        }
        return PreparedFeatures(idColumn: idColumn, featureColumns: featureColumns, pipeline: pipeline, features: features)
    }

    /// Resolves the id and feature columns (default features: every numeric
    /// column but the id and `excluded`).
    func chooseColumns(_ table: Table, excluding excluded: [Int] = []) throws -> (id: Int?, features: [Int]) {
        let idColumn = try ColumnSelection.idColumn(in: table, explicit: id)
        if let features {
            return (idColumn, try ColumnSelection.resolve(features.names, in: table.columnNames, parameter: "features"))
        }
        return (idColumn, ColumnSelection.defaultFeatures(in: table, idColumn: idColumn).filter { !excluded.contains($0) })
    }
}

/// `-o` and `--format`: where and how the result is written.
struct OutputOptions: Sendable {
    /// The output file; `nil` writes to standard output.
    var output: String?
    /// The format; `nil` lets the command choose (`format(report:fallback:)`).
    var format: OutputFormat?

    /// The options for a command writing `formats`; the command's initial
    /// `format` is the default help shows, else `defaultDescription`.
    static func declarations(formats: [OutputFormat], defaultDescription: String? = nil) -> [Option<OutputOptions>] {
        [
            .value("output", short: "o", \.output, "FILE", help: "Write to FILE atomically (temporary file + rename) instead of standard output.").writesFile(standardOutputWhenAbsent: true),
            Option.value("format", \.format, "FORMAT", help: "Output format.", defaultDescription: defaultDescription)
                .restricted(to: formats.map(\.rawValue)),
        ]
    }

    /// Whether the result goes to a terminal (no `-o`, standard output a terminal).
    var isTerminal: Bool { output == nil && Console.standardOutputIsTerminal }

    /// The format: `--format`, else `table` for a report printed to a
    /// terminal, else `fallback`.
    func format(report: Bool, fallback: OutputFormat = .csv) -> OutputFormat {
        if let format { return format }
        return report && isTerminal ? .table : fallback
    }

    /// The destination: `-o FILE` or standard output.
    var destination: OutputDestination { OutputDestination(argument: output) }

    /// Opens `-o FILE` or standard output.
    func open() throws -> OutputSink {
        try OutputSink(destination)
    }
}

/// `--seed`, `--threads` and `--quiet`.
struct RuntimeOptions: Sendable {
    /// The random seed.
    var seed: UInt64 = 0
    /// The worker threads asked for; `nil` uses every core.
    var threads: Int?
    /// Whether only errors are printed.
    var quiet = false

    /// The worker threads to use.
    var threadCount: Int { threads ?? availableCores }

    /// The options; commands without randomness or parallel work leave theirs out.
    static func declarations(seed: Bool = true, threads: Bool = true) -> [Option<RuntimeOptions>] {
        (seed ? [.value("seed", \.seed, "N", help: "Random seed: the same input, options and seed give byte-identical output for any --threads.")] : [])
            + (threads ? [.int("threads", \.threads, in: 1...4096, help: "Worker threads.", defaultDescription: "all cores")] : [])
            + [.flag("quiet", short: "q", \.quiet, help: "Print only errors on standard error.")]
    }
}

/// The result of `FeatureOptions.prepare`.
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
