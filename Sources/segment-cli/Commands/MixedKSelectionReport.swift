import SegmentCore

/// The standard-error lines explaining how `--k auto` chose k for
/// k-prototypes or k-medoids.
enum MixedKSelectionReport {
    /// The cost and silhouette of each k, then the choice and why.
    static func lines(_ selection: MixedKSelection, criterion: SelectionCriterion) -> [String] {
        let curve = selection.candidates.map { candidate in
            "k=\(candidate.k) cost \(formatNumber(candidate.cost, decimals: 4)), silhouette \(candidate.fit.silhouette.map { formatNumber($0, decimals: 4) } ?? "n/a")"
        }
        let chosen = selection.choice(by: criterion)
        let reason: String
        switch (criterion, chosen.fellBack) {
        case (.elbow, false): reason = "the knee of the cost curve"
        case (.elbow, true): reason = "the highest silhouette (the cost curve has no knee)"
        case (_, false): reason = "the highest silhouette"
        default: reason = "the smallest k (no silhouette is defined)"
        }
        return ["k auto over \(selection.candidates.first!.k)-\(selection.candidates.last!.k): " + curve.joined(separator: "; "),
                "k auto: chose k=\(chosen.k), \(reason)"]
    }
}
