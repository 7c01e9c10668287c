import SegmentBase
import SegmentIO
import SegmentAlgorithms

extension RecommendationSection {
    /// The section for a held-out evaluation: one row per method with
    /// precision, recall, nDCG, hit rate (all at `k`) and coverage to four
    /// decimals, then each segment's top items.
    public init(evaluation rows: [HoldoutEvaluation.Row], k: Int, holdout: HoldoutEvaluation.Strategy,
                topItems: [(segment: String, items: [String])]) {
        let header = ["method", "precision@\(k)", "recall@\(k)", "ndcg@\(k)", "hit_rate@\(k)", "coverage"]
        let formatted = rows.map { row in
            let m = row.metrics
            return [row.method.rawValue] + [m.precision, m.recall, m.ndcg, m.hitRate, m.coverage].map { DecimalText.format($0, decimals: 4) }
        }
        self.init(evaluationHeader: header, evaluationRows: formatted, topItems: topItems)
        let hidden = holdout == .last ? "each customer's latest purchases are hidden" : "a random share of each customer's purchases is hidden"
        evaluationNote = "Held-out evaluation: \(hidden) and every method, trained on the rest, tries to recommend them in its top \(k). The popular and random rows are baselines."
    }
}
