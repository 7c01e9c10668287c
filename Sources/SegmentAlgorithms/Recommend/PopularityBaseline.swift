import SegmentBase

/// The global baseline: items ranked by the share of customers who bought
/// them (ties by item index). Also hosts the uniformly random baseline used
/// by evaluation.
struct PopularityRanking: Sendable {
    /// Items, most popular first; only items bought at least once.
    let rankedItems: [Int32]
    /// Share of customers with purchases who bought each ranked item.
    let rankedScores: [Double]

    /// Ranks the items of `interactions`.
    init(interactions: SparseMatrix) {
        var buyers = [Int](repeating: 0, count: interactions.columnCount)
        for column in interactions.columnIndices { buyers[Int(column)] += 1 }
        let activeCustomers = (0..<interactions.rowCount).filter { !interactions.entries(ofRow: $0).isEmpty }.count
        let order = buyers.indices.filter { buyers[$0] > 0 }.sorted { buyers[$0] != buyers[$1] ? buyers[$0] > buyers[$1] : $0 < $1 }
        rankedItems = order.map { Int32($0) }
        rankedScores = order.map { Double(buyers[$0]) / Double(max(1, activeCustomers)) }
    }

    /// Appends the most popular allowed items not yet in `list` until it is full.
    func rank(into list: inout TopList, workspace: RecommendationWorkspace) {
        for (item, score) in zip(rankedItems, rankedScores) {
            if list.isFull { return }
            if workspace.isAllowed(item) && !list.contains(item) { list.append(item, score) }
        }
    }

    /// Fills `list` with distinct allowed items drawn uniformly at random
    /// (score 0) from a generator seeded by `seed` and the customer, so the
    /// draw does not depend on thread count.
    static func rankRandom(customer: Int, items: Int, seed: UInt64, into list: inout TopList, workspace: RecommendationWorkspace) {
        guard items > 0 else { return }
        var generator = SplitMix64(seed: seed).derived(stream: UInt64(customer))
        var attempts = 0
        while !list.isFull && attempts < 20 * list.capacity + items {
            attempts += 1
            let item = Int32(Int(generator.nextUnitDouble() * Double(items)))
            if workspace.isAllowed(item) && !list.contains(item) { list.append(item, 0) }
        }
    }
}
