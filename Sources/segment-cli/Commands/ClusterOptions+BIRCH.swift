import SegmentCore

/// `segment cluster --algorithm birch`: options and their translation into
/// `BIRCH.Configuration`.
extension ClusterOptions {
    /// Options specific to BIRCH (`--k`, shared, sets the global step).
    static let birchOptions: [OptionSpec] = [
        OptionSpec("threshold", value: "X", help: "BIRCH: largest radius of a subcluster, in scaled units.", default: "0.5"),
        OptionSpec("branching-factor", value: "N", help: "BIRCH: most subclusters per tree node.", default: "50"),
    ]

    /// Runs BIRCH on the scaled features as the options ask; `--k` adds the
    /// global step (Ward over the subcluster centroids).
    static func runBIRCH(_ features: Matrix, _ arguments: ParsedArguments, console: Console) throws -> BIRCH.Result {
        var configuration = BIRCH.Configuration(threads: try CommonOptions.threads(arguments))
        configuration.threshold = try arguments.double("threshold", exclusiveLowerBound: 0) ?? 0.5
        configuration.branchingFactor = try arguments.int("branching-factor", in: 2...Int.max) ?? 50
        if arguments.has("k") {
            configuration.clusterCount = try arguments.int("k", in: 1...Int.max)
        }
        return try BIRCH(configuration).fit(features)
    }

    /// How `segment assign` labels new rows with a saved model of each algorithm (for help texts).
    static let assignmentRules = """
        A saved model labels new rows (segment assign) as follows: k-means, BIRCH and agglomerative models take the segment with the nearest centre (segment means in the scaled space; a k-means model breaks an exact tie between two centres as cluster did, so assign reproduces cluster's labels); DBSCAN models use the core-point rule: a row within eps of a core row takes that core row's segment (the nearest such row), otherwise it is noise (-1).
        """
}
