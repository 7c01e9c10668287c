import SegmentCore

/// `segment cluster --algorithm birch`: options and their translation into
/// `BIRCH.Configuration`.
extension ClusterOptions {

    /// Runs BIRCH on the scaled features as the options ask; `--k` adds the
    /// global step (Ward over the subcluster centroids).
    static func runBIRCH(_ features: Matrix, _ options: ClusterAlgorithmOptions, threads: Int) throws -> BIRCH.Result {
        var configuration = options.birch
        configuration.threads = threads
        configuration.clusterCount = try options.fixedK(for: "BIRCH's global step")
        return try BIRCH(configuration).fit(features)
    }

    /// How `segment assign` labels new rows with a saved model of each algorithm (for help texts).
    static let assignmentRules = """
        A saved model labels new rows (segment assign) as follows: k-means, BIRCH and agglomerative models take the segment with the nearest centre (segment means in the scaled space; a k-means model breaks an exact tie between two centres as cluster did, so assign reproduces cluster's labels); DBSCAN models use the core-point rule: a row within eps of a core row takes that core row's segment (the nearest such row), otherwise it is noise (-1).
        """
}
