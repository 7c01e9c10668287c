import SegmentCore

/// The algorithms `cluster --algorithm` names.
enum ClusterAlgorithm: String, OptionChoice {
    /// Lloyd/Hamerly k-means in memory.
    case kmeans
    /// Hierarchical clustering.
    case agglomerative
    /// Density-based clustering.
    case dbscan
    /// BIRCH's clustering-feature tree.
    case birch
    /// Mini-batch k-means streaming a file.
    case minibatchKMeans = "minibatch-kmeans"
    /// k-prototypes on numeric features and categories.
    case kprototypes
    /// k-medoids (FasterPAM) under Gower, Euclidean or Manhattan distance.
    case kmedoids

    /// Whether the algorithm keeps categorical features as categories
    /// (codes) instead of one-hot indicators.
    var comparesCategories: Bool { self == .kprototypes || self == .kmedoids }
}

/// `--algorithm` and every algorithm's options, shared by `cluster` and
/// `report`; the defaults are the library's configurations.
struct ClusterAlgorithmOptions: Sendable {
    /// The algorithm.
    var algorithm = ClusterAlgorithm.kmeans
    /// `--k`; `nil` when not given (auto for k-means, required by some others).
    var k: KChoice?
    /// The k-means options.
    var kmeans = KMeansOptions()
    /// Agglomerative: the linkage.
    var linkage = Linkage.ward
    /// Agglomerative: cut at this merge distance instead of `k`.
    var distanceThreshold: Double?
    /// Agglomerative: where to write the merge tree, if anywhere.
    var linkageOut: String?
    /// Agglomerative: the memory allowed for the distance matrix; `nil` is the available memory.
    var maxMemory: ByteSize?
    /// DBSCAN's configuration (threads are set when it runs).
    var dbscan = DBSCAN.Configuration()
    /// BIRCH's configuration (k and threads are set when it runs).
    var birch = BIRCH.Configuration()
    /// Mini-batch k-means: rows per batch.
    var batchSize = MiniBatchKMeans.Configuration(clusterCount: 1).batchSize
    /// `--metric`; `nil`: Euclidean for DBSCAN, Gower for k-medoids.
    var metric: MixedMetric?
    /// k-prototypes: `--gamma`; `nil`: the `kmodes` default.
    var gamma: Double?
    /// k-medoids: `--sample`, the rows the medoids are fitted on.
    var sample: Int?

    /// The options, each applying only to the algorithms of `algorithmsOfOption`.
    static let declarations: [Option<ClusterAlgorithmOptions>] =
        [.value("algorithm", \.algorithm, "NAME", help: "Clustering algorithm.")]
        + ([.value("k", \.k, "N|auto", help: "Number of segments, or auto to choose it over --k-range by --select.", defaultDescription: "auto")]
            + (KMeansOptions.starting + KMeansOptions.selection + KMeansOptions.fitting
                + [KMeansOptions.stabilityOption, KMeansOptions.stabilityResampleOption]).lifted(to: \.kmeans)
            + agglomerative + dbscanOptions + birchOptions + mixedOptions)
            .map(applyingToItsAlgorithms)

    /// Options of agglomerative clustering.
    static let agglomerative: [Option<ClusterAlgorithmOptions>] = [
        .value("linkage", \.linkage, "METHOD", help: "Agglomerative: how cluster distance is measured (Euclidean). ward and single need memory linear in the rows; complete and average need the n(n-1)/2 distance matrix."),
        .value("distance-threshold", \.distanceThreshold, "X", help: "Agglomerative: instead of --k, apply every merge lower than X (scikit-learn's distance_threshold).") {
            try OptionNumbers.double($0, in: nil, exclusiveLowerBound: 0, option: $1)
        },
        .value("linkage-out", \.linkageOut, "FILE", help: "Agglomerative: write the merge tree as CSV in SciPy's linkage-matrix layout (left,right,distance,size; point ids 0..n-1, the cluster made by row i is n+i).").writesFile(),
        .value("max-memory", \.maxMemory, "SIZE", help: "Agglomerative: memory allowed for the distance matrix, e.g. 512M or 4G.", defaultDescription: "available memory"),
    ]

    /// Options of DBSCAN.
    static let dbscanOptions: [Option<ClusterAlgorithmOptions>] = [
        .value("eps", \.dbscan.eps, "X|auto", help: "DBSCAN: neighbourhood radius (distance <= X counts). auto takes the knee of the sorted distances to each row's min-samples-th nearest neighbour and reports it."),
        .int("min-samples", \.dbscan.minSamples, in: 1...Int.max, help: "DBSCAN: rows within --eps, the row itself included, that make a core row (as scikit-learn).", defaultDescription: "2 × features"),
        .value("metric", \.metric, "NAME", help: "DBSCAN and kmedoids: distance between rows. gower (kmedoids only, its default): numeric differences over the column range and 0/1 for categories, averaged, as R's cluster::daisy; euclidean and manhattan count a mismatched category as 1.",
               defaultDescription: "euclidean; kmedoids: gower"),
    ]

    /// Options of k-prototypes and k-medoids.
    static let mixedOptions: [Option<ClusterAlgorithmOptions>] = [
        .value("gamma", \.gamma, "X", help: "kprototypes: cost of one mismatched category, against squared differences of the scaled numeric features.",
               defaultDescription: "0.5 × mean standard deviation of the scaled numeric features, as kmodes") {
            try OptionNumbers.double($0, in: nil, exclusiveLowerBound: 0, option: $1)
        },
        .int("sample", \.sample, in: 2...Int.max, help: "kmedoids: fit the medoids on a seeded random sample of N rows, then give every row its nearest medoid (needed above \(ClusterOptions.kMedoidsRowLimit) rows)."),
    ]

    /// Options of BIRCH (`--k`, shared, sets the global step).
    static let birchOptions: [Option<ClusterAlgorithmOptions>] = [
        .number("threshold", \.birch.threshold, greaterThan: 0, help: "BIRCH: largest radius of a subcluster, in scaled units."),
        .int("branching-factor", \.birch.branchingFactor, in: 2...Int.max, help: "BIRCH: most subclusters per tree node."),
    ]

    /// Options of mini-batch k-means (`--k`, `--max-iter`, `--tol` and `--seed` are shared); `cluster` only.
    static let miniBatchOptions: [Option<ClusterAlgorithmOptions>] = [
        .int("batch-size", \.batchSize, in: 1...Int.max, help: "minibatch-kmeans: rows per mini-batch."),
    ].map(applyingToItsAlgorithms)

    /// The algorithms each algorithm-specific option applies to; given with
    /// another `--algorithm`, the option is a usage error, not ignored.
    static let algorithmsOfOption: [String: [ClusterAlgorithm]] = [
        "k": [.kmeans, .agglomerative, .birch, .minibatchKMeans, .kprototypes, .kmedoids],
        "k-range": [.kmeans, .kprototypes, .kmedoids], "select": [.kmeans, .kprototypes, .kmedoids],
        "gap-b": [.kmeans], "gap-rule": [.kmeans],
        "stability": [.kmeans], "stability-b": [.kmeans],
        "n-init": [.kmeans, .kprototypes], "method": [.kmeans], "init": [.kmeans, .kprototypes, .kmedoids],
        "max-iter": [.kmeans, .minibatchKMeans, .kprototypes, .kmedoids], "tol": [.kmeans, .minibatchKMeans],
        "gamma": [.kprototypes], "sample": [.kmedoids],
        "linkage": [.agglomerative], "distance-threshold": [.agglomerative], "linkage-out": [.agglomerative],
        "max-memory": [.agglomerative],
        "eps": [.dbscan], "min-samples": [.dbscan], "metric": [.dbscan, .kmedoids],
        "threshold": [.birch], "branching-factor": [.birch],
        "batch-size": [.minibatchKMeans],
    ]

    /// `option`, applying only with the algorithms of `algorithmsOfOption`.
    static func applyingToItsAlgorithms(_ option: Option<ClusterAlgorithmOptions>) -> Option<ClusterAlgorithmOptions> {
        guard let algorithms = algorithmsOfOption[option.spec.name] else {
            preconditionFailure("algorithm option '--\(option.spec.name)' is missing from ClusterAlgorithmOptions.algorithmsOfOption")
        }
        return option.only(with: "algorithm", algorithms.map(\.rawValue))
    }
}

extension ClusterAlgorithmOptions {
    /// `--k` as a number for an algorithm that cannot choose k itself;
    /// `nil` when not given.
    /// - Throws: `UsageError` for `--k auto`.
    func fixedK(for algorithm: String) throws -> Int? {
        switch k {
        case nil: return nil
        case .count(let k)?: return k
        case .auto?: throw UsageError(message: "--k auto chooses k for k-means only; give \(algorithm) a number, --k N")
        }
    }
}
