import SegmentCore

/// Namespace for the algorithm-specific parts of `segment cluster`, one
/// `ClusterOptions+<Algorithm>.swift` file per algorithm.
enum ClusterOptions {}

/// `segment cluster`: every input row plus its segment label.
enum ClusterCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "cluster",
        abstract: "Label every row with a customer segment (k-means by default).",
        discussion: """
        Writes every input row plus a label column (segment by default). Segment ids are 0..k-1 numbered by decreasing size (ties by first row), so reruns and algorithms are comparable; noise is -1; rows left out by --missing drop get an empty label. A summary goes to standard error: algorithm, k, sizes, silhouette (on a random sample of 5000 rows for larger inputs) and the algorithm's objective.

        k-means follows scikit-learn's KMeans: greedy k-means++ seeding, --n-init restarts keeping the lowest inertia, a tolerance relative to the mean feature variance, and a final assignment after a non-strict stop. With --k auto every k of --k-range is fitted and --select decides; the choice is explained on standard error.

        minibatch-kmeans streams a file larger than memory in bounded memory with scikit-learn's MiniBatchKMeans semantics: k-means++ on a sample of 3 x --batch-size rows, then batches of consecutive rows in file order (shuffle a sorted file first), each centre the mean of the rows it absorbed, low-count centres reassigned, stopping when the smoothed batch inertia stops improving or after --max-iter passes. It needs --k N and a file (not standard input); column types come from the first 100000 rows, robust scaling and median/mode fills from a 100000-row sample.

        kprototypes and kmedoids keep categorical features as categories (never one-hot; by default every numeric column and every text column with at most 100 repeated values). kprototypes follows kmodes' KPrototypes: cost = squared Euclidean distance of the scaled numbers to the segment means + --gamma per category differing from the segment modes (default gamma 0.5 x the mean standard deviation of the scaled numbers, printed), Cao or Huang starts, --n-init runs. kmedoids is FasterPAM (as the kmedoids package) under --metric gower (as R's cluster::daisy), euclidean or manhattan, started from PAM's BUILD or random rows; distances are computed on the fly, so memory stays linear, and above 50000 rows it needs --sample N.

        --model FILE saves the feature columns, encoding, imputation values, scaler and centres as JSON for `segment assign`; --centers FILE writes each segment's size and centre in original units (one-hot columns as shares).

        \(ClusterOptions.assignmentRules)
        """,
        usage: "segment cluster [options] [FILE]",
        options: Options.optionSpecs,
        examples: [
            "segment cluster Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --k auto",
            "segment cluster Fixtures/mall_customers.csv --k 5 --model mall.json --centers centers.csv -o segments.csv",
            "segment cluster data.csv --k 16 --init start.csv --n-init 1",
            "segment cluster Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --algorithm agglomerative --linkage ward --k 5 --linkage-out tree.csv",
            "segment cluster Fixtures/mall_customers.csv --algorithm dbscan --eps auto",
            "segment cluster Fixtures/mall_customers.csv --algorithm birch --threshold 0.5 --k 5",
            "segment cluster big.csv --algorithm minibatch-kmeans --k 16 --model big.json -o labelled.csv",
            "segment cluster Fixtures/mall_customers.csv --algorithm kprototypes --features \"Gender,Age,Annual Income (k$),Spending Score (1-100)\" --k 5",
            "segment cluster Fixtures/mall_customers.csv --algorithm kmedoids --metric gower --k 5 --model mixed.json",
        ]
    )

    /// The options of `cluster`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        var features = FeatureOptions()
        var algorithm = ClusterAlgorithmOptions()
        var labels = ClusterOutput.Options()
        var output = OutputOptions(format: .csv)
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + FeatureOptions.declarations.lifted(to: \.features)
            + (ClusterAlgorithmOptions.declarations + ClusterAlgorithmOptions.miniBatchOptions).lifted(to: \.algorithm)
            + ClusterOutput.Options.declarations.lifted(to: \.labels)
            + OutputOptions.declarations(formats: [.csv, .tsv, .json, .jsonl, .table]).lifted(to: \.output)
            + RuntimeOptions.declarations().lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        if options.algorithm.algorithm == .minibatchKMeans {
            // Streams the file instead of loading it.
            return try runMiniBatch(options, console: console)
        }
        let threads = options.runtime.threadCount
        let table = try options.input.loadTable(options.positionals, threads: threads)
        let labelColumn = try options.labels.labelColumn(for: table)
        let algorithm = options.algorithm.algorithm
        let prepared = try options.features.prepare(table, threads: threads, for: algorithm, metric: options.algorithm.metric)
        let outputs = OutputBatch()
        let outcome = try cluster(prepared, options.algorithm, runtime: options.runtime, console: console, outputs: outputs)
        // The extras first: when one of them cannot be written, nothing has
        // reached standard output yet.
        try ClusterOutput.writeExtras(prepared, outcome: outcome, algorithm: algorithm.rawValue, table: table,
                                      labelColumn: labelColumn, options: options.labels, outputs: outputs)
        try ClusterOutput.writeRows(table, features: prepared.features, clustering: outcome.clustering,
                                    labelColumn: labelColumn, stability: outcome.stability, output: options.output,
                                    threads: threads, outputs: outputs)
        // The summary's silhouette is computed while the outputs are synced
        // to disk; it is printed once they are in place.
        let features = prepared.features.matrix
        let silhouette = try outputs.commitAll {
            console.quiet ? nil : ClusterOutput.summarySilhouette(outcome, features: features, runtime: options.runtime)
        }
        ClusterOutput.summarize(outcome, algorithm: algorithm.rawValue, features: features, silhouette: silhouette, console: console)
    }

    /// Runs the algorithm of `options` on the prepared features (used by
    /// `cluster` and `report`). `outputs` collects files the algorithm
    /// writes (`--linkage-out`).
    static func cluster(_ prepared: PreparedFeatures, _ options: ClusterAlgorithmOptions, runtime: RuntimeOptions, console: Console,
                        outputs: OutputBatch) throws -> ClusterOutcome {
        let features = prepared.features.matrix, threads = runtime.threadCount
        switch options.algorithm {
        case .kmeans:
            return try runKMeans(prepared, options, runtime: runtime)
        case .agglomerative:
            let result = try ClusterOptions.runAgglomerative(features, options, threads: threads, outputs: outputs)
            var outcome = ClusterOutcome(nearestCenterOf: result.clustering)
            outcome.linkage = result.linkage
            return outcome
        case .birch:
            return ClusterOutcome(nearestCenterOf: try ClusterOptions.runBIRCH(features, options, threads: threads).clustering)
        case .dbscan:
            return ClusterOutcome(try ClusterOptions.runDBSCAN(features, options, threads: threads, console: console), features: features)
        case .kprototypes, .kmedoids:
            return try ClusterOptions.runMixed(prepared, options, runtime: runtime)
        case .minibatchKMeans:
            // minibatch-kmeans streams a file and is run by `cluster` before any table is loaded.
            throw ParameterError("algorithm", "\(parameter: "algorithm") \(options.algorithm.rawValue) streams files larger than memory and only runs in `segment cluster`; label the file there, then pass the labelled file to this command")
        }
    }
}
