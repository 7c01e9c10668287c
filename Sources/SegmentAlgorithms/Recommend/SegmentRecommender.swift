import SegmentBase

/// The items most characteristic of each segment: TF-IDF (`TFIDF`) with
/// segments as documents and items as terms, where the count of item i in
/// segment s is the number of customers of s who bought i. Items bought
/// across all segments are damped by the idf; items a segment buys much more
/// than others rise.
///
/// A customer gets their segment's ranking minus the items they bought.
struct SegmentRanking: Sendable {
    /// Items of each segment, best first (score desc, item index asc).
    let rankedItems: [[Int32]]
    /// Scores aligned with `rankedItems`.
    let rankedScores: [[Double]]

    /// Builds the rankings from `interactions` and the segment of each
    /// customer (-1: none).
    init(interactions: SparseMatrix, segmentOfCustomer: [Int32]) {
        let segmentCount = Int(segmentOfCustomer.max() ?? -1) + 1
        var rows: [Int32] = [], columns: [Int32] = [], values: [Double] = []
        for customer in 0..<interactions.rowCount where segmentOfCustomer[customer] >= 0 {
            for position in interactions.entries(ofRow: customer) {
                rows.append(segmentOfCustomer[customer])
                columns.append(interactions.columnIndices[position])
                values.append(1)
            }
        }
        let weighted = TFIDF.weighted(SparseMatrix(rowCount: segmentCount, columnCount: interactions.columnCount,
                                                   rows: rows, columns: columns, values: values))
        var rankedItems: [[Int32]] = [], rankedScores: [[Double]] = []
        for segment in 0..<segmentCount {
            let order = weighted.entries(ofRow: segment).sorted { a, b in
                let scoreA = weighted.values[a], scoreB = weighted.values[b]
                return scoreA != scoreB ? scoreA > scoreB : weighted.columnIndices[a] < weighted.columnIndices[b]
            }
            rankedItems.append(order.map { weighted.columnIndices[$0] })
            rankedScores.append(order.map { weighted.values[$0] })
        }
        self.rankedItems = rankedItems
        self.rankedScores = rankedScores
    }

    /// Appends the best allowed items of `segment` to `list` until it is full.
    func rank(segment: Int, into list: inout TopList, workspace: RecommendationWorkspace) {
        guard segment < rankedItems.count else { return }
        for (item, score) in zip(rankedItems[segment], rankedScores[segment]) {
            if list.isFull { return }
            if workspace.isAllowed(item) && !list.contains(item) { list.append(item, score) }
        }
    }
}

extension RecommendationEngine {
    /// The `count` items most characteristic of `segment`, best first (as the
    /// `segment` method ranks them before removing a customer's purchases);
    /// empty without segments or for a segment that bought nothing.
    public func segmentItems(_ segment: Int, count: Int) -> [Int32] {
        guard let segmentRanking, segment >= 0, segment < segmentRanking.rankedItems.count else { return [] }
        return Array(segmentRanking.rankedItems[segment].prefix(count))
    }
}
