import SegmentBase

/// Ranks items for customers with one of the `RecommendationMethod`s, from a
/// customer × item interaction matrix and, optionally, customer segments and
/// catalog item vectors.
///
/// Fallbacks, recorded per row in `RecommendationLists.methods`: a customer
/// with purchases gets the chosen method, and the list is filled up with
/// popular items when the method finds too few; a customer without purchases
/// gets their segment's items (cold start) and then popular ones; a customer
/// with neither gets popular items. Purchased items are never recommended
/// unless `includePurchased` is set.
public struct RecommendationEngine: Sendable {
    /// Tuning knobs.
    public struct Configuration: Sendable {
        /// Items per customer (`--top`, default 10).
        public var top: Int = 10
        /// Neighbours per customer for `tfidf` (`--neighbors`, default 20).
        public var neighbors: Int = 20
        /// Whether already bought items may be recommended.
        public var includePurchased: Bool = false
        /// Worker threads.
        public var threads: Int = availableCores
        /// Seed of the `random` baseline.
        public var seed: UInt64 = 0
        /// Weights of `hybrid`: tfidf, segment, knn (see `HybridRecommender`).
        public var hybridWeights: HybridWeights = HybridWeights()
        /// The defaults.
        public init() {}
    }

    /// The configuration.
    public let configuration: Configuration
    /// Customer × item interactions (summed quantities or counts).
    public let interactions: SparseMatrix
    /// TF-IDF weighted interactions (`TFIDF.weighted`).
    let weights: SparseMatrix
    /// `weights` transposed: for each item, the customers who bought it.
    let invertedIndex: SparseMatrix
    /// The segment of each customer (-1: none).
    let segmentOfCustomer: [Int32]
    /// The ranked items of each segment, when segments are known.
    let segmentRanking: SegmentRanking?
    /// Global popularity.
    let popularity: PopularityRanking
    /// The content-based model, when a catalog is known.
    let content: ContentModel?

    /// Prepares every model the methods need.
    ///
    /// - Parameters:
    ///   - interactions: customers × items.
    ///   - segmentOfCustomer: one entry per customer (-1: none), or `nil`.
    ///   - itemVectors: catalog vectors aligned with the item columns, or `nil`.
    /// - Complexity: O(entries) plus the catalog size.
    public init(interactions: SparseMatrix, segmentOfCustomer: [Int32]?, itemVectors: SparseMatrix?, configuration: Configuration) {
        precondition(segmentOfCustomer.map { $0.count == interactions.rowCount } ?? true)
        self.configuration = configuration
        self.interactions = interactions
        weights = TFIDF.weighted(interactions)
        invertedIndex = weights.transposed()
        self.segmentOfCustomer = segmentOfCustomer ?? [Int32](repeating: -1, count: interactions.rowCount)
        segmentRanking = segmentOfCustomer.map { SegmentRanking(interactions: interactions, segmentOfCustomer: $0) }
        popularity = PopularityRanking(interactions: interactions)
        content = itemVectors.map { ContentModel(itemVectors: $0) }
    }

    /// Whether `method` can run with the inputs given (knn needs a catalog,
    /// segment a segmentation).
    public func supports(_ method: RecommendationMethod) -> Bool {
        switch method {
        case .knn: return content != nil
        case .segment: return segmentRanking != nil
        default: return true
        }
    }

    /// The ranked lists of `customers` (indices), in that order.
    ///
    /// Customers are processed in parallel over fixed chunks, each writing its
    /// own slots, so the result is identical for any thread count.
    public func recommend(_ method: RecommendationMethod, for customers: [Int]) -> RecommendationLists {
        precondition(supports(method), "\(method) needs inputs that were not given")
        let top = configuration.top
        var lists = RecommendationLists(customers: customers, top: top)
        let chunks = ParallelChunks(count: customers.count, chunkSize: 256, threads: configuration.threads)
        lists.items.withUnsafeMutableBufferPointer { items in
            lists.scores.withUnsafeMutableBufferPointer { scores in
                lists.methods.withUnsafeMutableBufferPointer { methods in
                    lists.counts.withUnsafeMutableBufferPointer { counts in
                        // Chunk c writes only the slots of its own customers.
                        let output = UncheckedSendable((items, scores, methods, counts))
                        chunks.forEachChunk { _, range in
                            let workspace = RecommendationWorkspace(customers: interactions.rowCount, items: interactions.columnCount, top: top, neighbors: configuration.neighbors)
                            for position in range {
                                rank(method, customer: customers[position], workspace: workspace)
                                let (items, scores, methods, counts) = output.value
                                let list = workspace.result
                                for slot in 0..<list.count {
                                    items[position * top + slot] = list.items[slot]
                                    scores[position * top + slot] = list.scores[slot]
                                    methods[position * top + slot] = slot < workspace.primaryCount ? workspace.primaryMethod : .popular
                                }
                                counts[position] = list.count
                            }
                        }
                    }
                }
            }
        }
        return lists
    }

    /// Fills `workspace.result` for one customer, applying the fallbacks.
    func rank(_ method: RecommendationMethod, customer: Int, workspace: RecommendationWorkspace) {
        workspace.begin(customer: customer, purchased: configuration.includePurchased ? nil : interactions)
        let hasPurchases = !interactions.entries(ofRow: customer).isEmpty
        let segment = Int(segmentOfCustomer[customer])
        var used = method
        if !hasPurchases && method != .random {
            used = segment >= 0 && segmentRanking != nil ? .segment : .popular
        }
        switch used {
        case .tfidf: rankCollaborative(customer: customer, into: &workspace.result, workspace: workspace)
        case .knn: content!.rank(customer: customer, interactions: interactions, into: &workspace.result, workspace: workspace)
        case .segment: if segment >= 0 { segmentRanking!.rank(segment: segment, into: &workspace.result, workspace: workspace) }
        case .popular: popularity.rank(into: &workspace.result, workspace: workspace)
        case .hybrid: rankHybrid(customer: customer, workspace: workspace)
        case .random: PopularityRanking.rankRandom(customer: customer, items: interactions.columnCount, seed: configuration.seed,
                                                   into: &workspace.result, workspace: workspace)
        }
        workspace.primaryMethod = used
        workspace.primaryCount = workspace.result.count
        if used != .random && !workspace.result.isFull {
            popularity.rank(into: &workspace.result, workspace: workspace)
        }
    }
}

/// Ranked items for a list of customers: `top` slots per customer, of which
/// the first `counts[c]` are used.
public struct RecommendationLists: Sendable {
    /// Customer indices, in output order.
    public let customers: [Int]
    /// Slots per customer.
    public let top: Int
    /// Item index of each slot.
    public internal(set) var items: [Int32]
    /// Score of each slot.
    public internal(set) var scores: [Double]
    /// The method that produced each slot.
    public internal(set) var methods: [RecommendationMethod]
    /// Used slots per customer.
    public internal(set) var counts: [Int]

    init(customers: [Int], top: Int) {
        self.customers = customers
        self.top = top
        items = [Int32](repeating: -1, count: customers.count * top)
        scores = [Double](repeating: 0, count: customers.count * top)
        methods = [RecommendationMethod](repeating: .popular, count: customers.count * top)
        counts = [Int](repeating: 0, count: customers.count)
    }

    /// The items recommended to the customer at `position`, best first.
    public func items(at position: Int) -> ArraySlice<Int32> {
        items[(position * top)..<(position * top + counts[position])]
    }
}
