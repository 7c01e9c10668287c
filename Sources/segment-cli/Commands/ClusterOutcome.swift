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
}
