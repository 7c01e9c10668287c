import SegmentCore

/// What an algorithm run by `segment cluster` hands back to the common
/// output code: the segments, the rule a saved model uses to assign new
/// rows, and algorithm-specific summary lines for standard error.
struct ClusterOutcome {
    /// The segments, numbered by decreasing size.
    var clustering: Clustering
    /// The assignment rule for `--model`, when the algorithm has one.
    var rule: AssignmentRule?
    /// Extra summary lines (e.g. how k was chosen).
    var notes: [String] = []
    /// The silhouette when the algorithm already computed it.
    var silhouette: Double?
    /// The k-means fits over `--k-range` when k was chosen automatically.
    var selection: KSelection?
    /// The full merge tree of an agglomerative run.
    var linkage: LinkageMatrix?
    /// Each segment's bootstrap stability, with `--stability`.
    var stability: BootstrapStability?
}

extension ClusterOutcome {
    /// The outcome of a centroid method (agglomerative, BIRCH): new rows go
    /// to the nearest segment mean.
    init(nearestCenterOf clustering: Clustering) {
        var rule: AssignmentRule?
        if let centers = clustering.centers, centers.rows > 0 {
            rule = .nearestCenter(centers: centers.storage, dimensions: centers.columns)
        }
        self.init(clustering: clustering, rule: rule)
    }

    /// The outcome of DBSCAN: new rows take the segment of the nearest core
    /// row within eps, else noise.
    init(_ result: DBSCAN.Result, features: Matrix) {
        let labels = result.coreIndices.map { result.clustering.labels[$0] }
        let rule = AssignmentRule.corePoints(points: features.selectingRows(result.coreIndices).storage, dimensions: features.columns,
                                             labels: labels, eps: result.eps, metric: result.metric.rawValue)
        self.init(clustering: result.clustering, rule: rule)
    }
}
