import SegmentBase

/// Weights of the hybrid blend.
public struct HybridWeights: Sendable, Equatable {
    /// Weight of collaborative filtering (`tfidf`).
    public var collaborative: Double = 0.5
    /// Weight of the segment's characteristic items (`segment`).
    public var segment: Double = 0.3
    /// Weight of content-based similarity (`knn`).
    public var content: Double = 0.2
    /// The defaults 0.5 / 0.3 / 0.2.
    public init() {}
}

/// A weighted hybrid (Burke, "Hybrid recommender systems: survey and
/// experiments", User Modeling and User-Adapted Interaction 12, 2002).
///
/// Each available component (tfidf; segment when the customer has one; knn
/// when a catalog is given) ranks up to max(3·top, 30) candidates; its
/// scores are divided by its best score, so every component lies in [0, 1];
/// an item's hybrid score is Σ weight × normalised score, ties by item index.
extension RecommendationEngine {
    /// Ranks items for `customer` into `workspace.result`.
    func rankHybrid(customer: Int, workspace: RecommendationWorkspace) {
        let weights = configuration.hybridWeights
        let segment = Int(segmentOfCustomer[customer])
        for part in 0..<3 {
            workspace.component.removeAll()
            let weight: Double
            switch part {
            case 0:
                weight = weights.collaborative
                rankCollaborative(customer: customer, into: &workspace.component, workspace: workspace)
            case 1:
                guard let segmentRanking, segment >= 0 else { continue }
                weight = weights.segment
                segmentRanking.rank(segment: segment, into: &workspace.component, workspace: workspace)
            default:
                guard let content else { continue }
                weight = weights.content
                content.rank(customer: customer, interactions: interactions, into: &workspace.component, workspace: workspace)
            }
            guard let best = workspace.component.scores.first, best > 0, weight > 0 else { continue }
            for (item, score) in zip(workspace.component.items, workspace.component.scores) where score > 0 {
                workspace.addItemScore(item, weight * score / best)
            }
        }
        workspace.drainItems(into: &workspace.result)
    }
}
