import SegmentCore

/// Namespace for the algorithm-specific parts of `segment cluster`, one
/// `ClusterOptions+<Algorithm>.swift` file per algorithm.
enum ClusterOptions {}

/// `segment cluster`: every input row plus its segment label.
enum ClusterCommand: SegmentCommand {
    /// The algorithms `--algorithm` names.
    static let algorithms = ["kmeans", "agglomerative", "dbscan", "birch", "minibatch-kmeans"]

    static let spec = CommandSpec(
        name: "cluster",
        abstract: "Label every row with a customer segment (k-means by default).",
        discussion: """
        Writes every input row plus a label column (segment by default). Segment ids are 0..k-1 numbered by decreasing size (ties by first row), so reruns and algorithms are comparable; noise is -1; rows left out by --missing drop get an empty label. A summary goes to standard error: algorithm, k, sizes, silhouette (on a random sample of 5000 rows for larger inputs) and the algorithm's objective.

        k-means follows scikit-learn's KMeans: greedy k-means++ seeding, --n-init restarts keeping the lowest inertia, a tolerance relative to the mean feature variance, and a final assignment after a non-strict stop. With --k auto every k of --k-range is fitted and --select decides; the choice is explained on standard error.

        minibatch-kmeans streams a file larger than memory in bounded memory with scikit-learn's MiniBatchKMeans semantics: k-means++ on a sample of 3 x --batch-size rows, then batches of consecutive rows in file order (shuffle a sorted file first), each centre the mean of the rows it absorbed, low-count centres reassigned, stopping when the smoothed batch inertia stops improving or after --max-iter passes. It needs --k N and a file (not standard input); column types come from the first 100000 rows, robust scaling and median/mode fills from a 100000-row sample.

        --model FILE saves the feature columns, encoding, imputation values, scaler and centres as JSON for `segment assign`; --centers FILE writes each segment's size and centre in original units (one-hot columns as shares).

        \(ClusterOptions.assignmentRules)
        """,
        usage: "segment cluster [options] [FILE]",
        options: CommonOptions.input + CommonOptions.features + algorithmOptions
            + ClusterOptions.miniBatchOptions.map(applyingToItsAlgorithms)
            + ClusterOutput.options
            + CommonOptions.output(formats: [.csv, .tsv, .json, .jsonl, .table], defaultFormat: "csv")
            + CommonOptions.runtime,
        examples: [
            "segment cluster Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --k auto",
            "segment cluster Fixtures/mall_customers.csv --k 5 --model mall.json --centers centers.csv -o segments.csv",
            "segment cluster data.csv --k 16 --init start.csv --n-init 1",
            "segment cluster Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --algorithm agglomerative --linkage ward --k 5 --linkage-out tree.csv",
            "segment cluster Fixtures/mall_customers.csv --algorithm dbscan --eps auto",
            "segment cluster Fixtures/mall_customers.csv --algorithm birch --threshold 0.5 --k 5",
            "segment cluster big.csv --algorithm minibatch-kmeans --k 16 --model big.json -o labelled.csv",
        ]
    )

    /// `--algorithm` and every algorithm's options (shared with `report`),
    /// each applying only to the algorithms of `algorithmsOfOption`.
    static let algorithmOptions: [OptionSpec] =
        [OptionSpec("algorithm", value: "NAME", help: "Clustering algorithm.", default: "kmeans", choices: algorithms)]
        + (KMeansOptions.clusterOnly + KMeansOptions.selection + KMeansOptions.fitting
            + ClusterOptions.agglomerativeOptions + ClusterOptions.dbscanOptions + ClusterOptions.birchOptions)
            .map(applyingToItsAlgorithms)

    /// The algorithms each algorithm-specific option applies to; given with
    /// another `--algorithm`, the option is a usage error, not ignored.
    static let algorithmsOfOption: [String: [String]] = [
        "k": ["kmeans", "agglomerative", "birch", "minibatch-kmeans"],
        "k-range": ["kmeans"], "select": ["kmeans"], "n-init": ["kmeans"], "method": ["kmeans"], "init": ["kmeans"],
        "max-iter": ["kmeans", "minibatch-kmeans"], "tol": ["kmeans", "minibatch-kmeans"],
        "linkage": ["agglomerative"], "distance-threshold": ["agglomerative"], "linkage-out": ["agglomerative"],
        "max-memory": ["agglomerative"],
        "eps": ["dbscan"], "min-samples": ["dbscan"], "metric": ["dbscan"],
        "threshold": ["birch"], "branching-factor": ["birch"],
        "batch-size": ["minibatch-kmeans"],
    ]

    /// `option`, applying only with the algorithms of `algorithmsOfOption`.
    static func applyingToItsAlgorithms(_ option: OptionSpec) -> OptionSpec {
        guard let algorithms = algorithmsOfOption[option.name] else {
            preconditionFailure("algorithm option '--\(option.name)' is missing from ClusterCommand.algorithmsOfOption")
        }
        return option.only(with: "algorithm", algorithms)
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        if arguments.choice("algorithm") == "minibatch-kmeans" {
            // Streams the file instead of loading it.
            return try runMiniBatch(arguments, console: console)
        }
        let table = try CommonOptions.loadTable(arguments)
        let labelColumn = try ClusterOutput.labelColumn(arguments, table: table)
        let prepared = try CommonOptions.prepareFeatures(table, arguments)
        let algorithm = arguments.choice("algorithm") ?? "kmeans"
        let outputs = OutputBatch()
        let outcome = try cluster(prepared, algorithm: algorithm, arguments, console: console, outputs: outputs)
        // The extras first: when one of them cannot be written, nothing has
        // reached standard output yet.
        try ClusterOutput.writeExtras(prepared, outcome: outcome, algorithm: algorithm, table: table,
                                      labelColumn: labelColumn, arguments: arguments, outputs: outputs)
        try ClusterOutput.writeRows(table, features: prepared.features, clustering: outcome.clustering,
                                    labelColumn: labelColumn, arguments: arguments, outputs: outputs)
        // The summary's silhouette is computed while the outputs are synced
        // to disk; it is printed once they are in place.
        let features = prepared.features.matrix
        let silhouette = try outputs.commitAll {
            console.quiet ? nil : ClusterOutput.summarySilhouette(outcome, features: features, arguments: arguments)
        }
        ClusterOutput.summarize(outcome, algorithm: algorithm, features: features, silhouette: silhouette, console: console)
    }

    /// Runs `algorithm` on the prepared features with the options of
    /// `algorithmOptions` (used by `cluster` and `report`).
    /// `outputs` collects files the algorithm writes (`--linkage-out`).
    static func cluster(_ prepared: PreparedFeatures, algorithm: String, _ arguments: ParsedArguments, console: Console,
                        outputs: OutputBatch) throws -> ClusterOutcome {
        let features = prepared.features.matrix
        switch algorithm {
        case "kmeans":
            return try runKMeans(prepared, arguments, console: console)
        case "agglomerative":
            let result = try ClusterOptions.runAgglomerative(features, arguments, console: console, outputs: outputs)
            var outcome = ClusterOutcome(nearestCenterOf: result.clustering)
            outcome.linkage = result.linkage
            return outcome
        case "birch":
            return ClusterOutcome(nearestCenterOf: try ClusterOptions.runBIRCH(features, arguments, console: console).clustering)
        case "dbscan":
            return ClusterOutcome(try ClusterOptions.runDBSCAN(features, arguments, console: console), features: features)
        default:
            // minibatch-kmeans streams a file and is run by `cluster` before any table is loaded.
            throw ParameterError("algorithm", "\(parameter: "algorithm") \(algorithm) streams files larger than memory and only runs in `segment cluster`; label the file there, then pass the labelled file to this command")
        }
    }
}
