import Foundation
import SegmentBase

/// Top-k ranking metrics with binary relevance, averaged over customers
/// (Järvelin & Kekäläinen, "Cumulated gain-based evaluation of IR
/// techniques", ACM TOIS 20(4), 2002, for nDCG).
///
/// For one customer with recommended list L (first k entries) and relevant
/// set T (held-out items): precision@k = |L ∩ T| / k, recall@k =
/// |L ∩ T| / |T|, hit rate@k = 1 if L ∩ T ≠ ∅, nDCG@k = DCG / IDCG with
/// DCG = Σ_{rank r hit} 1 / log2(r + 1) and IDCG the DCG of min(k, |T|) hits
/// at the top. Coverage is the share of all items that appear in at least
/// one list.
public struct RankingMetrics: Sendable, Equatable {
    /// Mean precision@k.
    public var precision: Double
    /// Mean recall@k.
    public var recall: Double
    /// Mean nDCG@k.
    public var ndcg: Double
    /// Share of customers with at least one hit.
    public var hitRate: Double
    /// Distinct recommended items / all items.
    public var coverage: Double
    /// Number of customers evaluated.
    public var customers: Int

    /// Creates metrics from their values.
    public init(precision: Double, recall: Double, ndcg: Double, hitRate: Double, coverage: Double, customers: Int) {
        self.precision = precision
        self.recall = recall
        self.ndcg = ndcg
        self.hitRate = hitRate
        self.coverage = coverage
        self.customers = customers
    }

    /// The metrics of `lists` against `relevant` (one sorted set per list).
    ///
    /// - Parameters:
    ///   - lists: recommended items per customer, best first.
    ///   - relevant: held-out items per customer, sorted ascending, not empty.
    ///   - k: the cut-off.
    ///   - itemCount: the number of items, for coverage.
    public static func evaluate(lists: [ArraySlice<Int32>], relevant: [[Int32]], k: Int, itemCount: Int) -> RankingMetrics {
        precondition(lists.count == relevant.count && k > 0)
        var precision = 0.0, recall = 0.0, ndcg = 0.0, hits = 0.0
        var recommended = Set<Int32>()
        for (list, truth) in zip(lists, relevant) {
            var found = 0
            var gain = 0.0
            for (rank, item) in list.prefix(k).enumerated() {
                recommended.insert(item)
                if binarySearch(truth, item) {
                    found += 1
                    gain += 1 / log2(Double(rank + 2))
                }
            }
            let ideal = (0..<min(k, truth.count)).reduce(0.0) { $0 + 1 / log2(Double($1 + 2)) }
            precision += Double(found) / Double(k)
            recall += Double(found) / Double(truth.count)
            ndcg += ideal > 0 ? gain / ideal : 0
            hits += found > 0 ? 1 : 0
        }
        let n = Double(max(1, lists.count))
        return RankingMetrics(precision: precision / n, recall: recall / n, ndcg: ndcg / n, hitRate: hits / n,
                              coverage: itemCount > 0 ? Double(recommended.count) / Double(itemCount) : 0,
                              customers: lists.count)
    }

    static func binarySearch(_ sorted: [Int32], _ value: Int32) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] == value { return true }
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return false
    }
}
