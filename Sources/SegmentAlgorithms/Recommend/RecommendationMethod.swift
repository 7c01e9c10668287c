import SegmentBase

/// How a recommendation was produced.
public enum RecommendationMethod: String, Sendable, CaseIterable, Codable {
    /// Collaborative filtering: cosine neighbours among customers in TF-IDF space.
    case tfidf
    /// Content-based: catalog items nearest to the customer's profile.
    case knn
    /// The items most characteristic of the customer's segment.
    case segment
    /// The most popular items overall.
    case popular
    /// A weighted blend of tfidf, segment and knn.
    case hybrid
    /// Uniformly random unseen items: an evaluation baseline only.
    case random

    /// The methods a user can ask `segment recommend --method` for.
    public static let selectable: [RecommendationMethod] = [.tfidf, .knn, .segment, .popular, .hybrid]
}
