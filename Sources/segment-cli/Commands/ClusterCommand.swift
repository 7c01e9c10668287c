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

        --model FILE saves the feature columns, encoding, imputation values, scaler and centres as JSON for `segment assign`; --centers FILE writes each segment's size and centre in original units (one-hot columns as shares).

        \(ClusterOptions.assignmentRules)
        """,
        usage: "segment cluster [options] [FILE]",
        options: CommonOptions.input + CommonOptions.features
            + [OptionSpec("algorithm", value: "NAME", help: "Clustering algorithm.", default: "kmeans", choices: algorithms)]
            + KMeansOptions.clusterOnly + KMeansOptions.selection + KMeansOptions.fitting
            + ClusterOptions.agglomerativeOptions + ClusterOptions.dbscanOptions + ClusterOptions.birchOptions
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
        ]
    )

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let table = try CommonOptions.loadTable(arguments)
        let labelColumn = try ClusterOutput.labelColumn(arguments, table: table)
        let prepared = try CommonOptions.prepareFeatures(table, arguments)
        let algorithm = arguments.choice("algorithm") ?? "kmeans"
        let outputs = OutputBatch()
        let outcome: ClusterOutcome
        switch algorithm {
        case "kmeans":
            outcome = try runKMeans(prepared, arguments, console: console)
        case "agglomerative":
            outcome = ClusterOutcome(nearestCenterOf: try ClusterOptions.runAgglomerative(prepared.features.matrix, arguments, console: console, outputs: outputs).clustering)
        case "birch":
            outcome = ClusterOutcome(nearestCenterOf: try ClusterOptions.runBIRCH(prepared.features.matrix, arguments, console: console).clustering)
        case "dbscan":
            outcome = ClusterOutcome(try ClusterOptions.runDBSCAN(prepared.features.matrix, arguments, console: console), features: prepared.features.matrix)
        default:
            throw SegmentError.invalidParameter("--algorithm \(algorithm) is not available in this build")
        }
        // The extras first: when one of them cannot be written, nothing has
        // reached standard output yet.
        try ClusterOutput.writeExtras(prepared, outcome: outcome, algorithm: algorithm, table: table,
                                      labelColumn: labelColumn, arguments: arguments, outputs: outputs)
        try ClusterOutput.writeRows(table, features: prepared.features, clustering: outcome.clustering,
                                    labelColumn: labelColumn, arguments: arguments, outputs: outputs)
        try outputs.commitAll()
        ClusterOutput.summarize(outcome, algorithm: algorithm, features: prepared.features.matrix,
                                arguments: arguments, console: console)
    }
}
