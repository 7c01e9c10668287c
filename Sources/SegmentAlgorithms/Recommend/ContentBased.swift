import Foundation
import SegmentBase

/// Content-based recommendation (Pazzani & Billsus 2007): a customer's
/// profile is the sum of the vectors of the items they bought, each weighted
/// by 1 + ln(quantity); items score by cosine similarity to the profile, so
/// the list holds the K nearest unseen catalog items.
struct ContentModel: Sendable {
    /// Unit item vectors (items × features), aligned with the engine's items.
    let itemVectors: SparseMatrix
    /// `itemVectors` transposed: for each feature, the items that have it.
    let featureIndex: SparseMatrix

    /// Wraps item vectors.
    init(itemVectors: SparseMatrix) {
        self.itemVectors = itemVectors
        featureIndex = itemVectors.transposed()
    }

    /// Ranks items for `customer` by cosine similarity to their profile.
    func rank(customer: Int, interactions: SparseMatrix, into list: inout TopList, workspace: RecommendationWorkspace) {
        // Profile, accumulated sparsely in feature order of the item rows.
        var profile: [Int32: Double] = [:]
        for position in interactions.entries(ofRow: customer) {
            let item = Int(interactions.columnIndices[position])
            let weight = 1 + Foundation.log(interactions.values[position])
            for entry in itemVectors.entries(ofRow: item) {
                profile[itemVectors.columnIndices[entry], default: 0] += weight * itemVectors.values[entry]
            }
        }
        let features = profile.keys.sorted()
        let norm = features.reduce(0.0) { $0 + profile[$1]! * profile[$1]! }.squareRoot()
        guard norm > 0 else { return }
        for feature in features {
            let value = profile[feature]! / norm
            for entry in featureIndex.entries(ofRow: Int(feature)) {
                workspace.addItemScore(featureIndex.columnIndices[entry], value * featureIndex.values[entry])
            }
        }
        workspace.drainItems(into: &list)
    }
}
