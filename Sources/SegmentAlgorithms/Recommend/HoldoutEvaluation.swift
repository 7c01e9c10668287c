import SegmentBase

/// Offline evaluation by holding out part of each customer's purchases,
/// training every method on the rest and scoring the top-k lists against the
/// held-out items (the protocol of Cremonesi, Koren & Turrin, "Performance of
/// recommender algorithms on top-N recommendation tasks", RecSys 2010).
public enum HoldoutEvaluation {
    /// Which purchases are held out.
    public enum Strategy: String, Sendable, CaseIterable {
        /// Each customer's latest purchases by date (ties by file order).
        case last
        /// A seeded random subset of each customer's purchases.
        case random
    }

    /// A train/test split of a purchase log.
    public struct Split: Sendable {
        /// Whether each purchase is used for training.
        public let isTraining: [Bool]
        /// Customers evaluated: those with at least one held-out item they
        /// did not also buy in training.
        public let customers: [Int]
        /// The held-out items of each evaluated customer, sorted, excluding
        /// items bought in training (they are never recommended).
        public let heldOutItems: [[Int32]]
    }

    /// Splits `log`: a customer with n ≥ 2 purchases keeps
    /// n − h for training and holds out h = min(n − 1, max(1, round(f·n))).
    ///
    /// - Throws: `ParameterError` for `last` without dates.
    public static func split(_ log: PurchaseLog, strategy: Strategy, testFraction: Double, seed: UInt64) throws -> Split {
        if strategy == .last && log.days == nil {
            throw ParameterError("holdout", "\(parameter: "holdout") last needs purchase dates, but no date column was found; name it with \(parameter: "date-column") or use \(parameter: "holdout") random")
        }
        var purchasesOfCustomer = [[Int]](repeating: [], count: log.customers.count)
        for purchase in 0..<log.count { purchasesOfCustomer[Int(log.customerOfPurchase[purchase])].append(purchase) }
        var isTraining = [Bool](repeating: true, count: log.count)
        var customers: [Int] = [], heldOut: [[Int32]] = []
        let root = SplitMix64(seed: seed)
        for (customer, purchases) in purchasesOfCustomer.enumerated() where purchases.count >= 2 {
            var order = purchases
            switch strategy {
            case .last:
                let days = log.days!
                order.sort { days[$0] != days[$1] ? days[$0] < days[$1] : $0 < $1 }
            case .random:
                var generator = root.derived(stream: UInt64(customer))
                order.shuffle(using: &generator)
            }
            let count = order.count
            let held = min(count - 1, max(1, Int((testFraction * Double(count)).rounded())))
            let testPurchases = order.suffix(held)
            for purchase in testPurchases { isTraining[purchase] = false }
            let trainingItems = Set(order.prefix(count - held).map { log.itemOfPurchase[$0] })
            let items = Set(testPurchases.map { log.itemOfPurchase[$0] }).subtracting(trainingItems).sorted()
            if !items.isEmpty {
                customers.append(customer)
                heldOut.append(items)
            }
        }
        return Split(isTraining: isTraining, customers: customers, heldOutItems: heldOut)
    }

    /// One row of an evaluation report.
    public struct Row: Sendable {
        /// The method evaluated.
        public let method: RecommendationMethod
        /// Its metrics.
        public let metrics: RankingMetrics
    }

    /// Trains on `split`'s training purchases and evaluates every method the
    /// inputs support, then the `popular` and `random` baselines.
    ///
    /// - Parameters:
    ///   - segmentOfCustomer: segment per customer of `log` (-1: none), or nil.
    ///   - itemVectors: catalog vectors aligned with `log.items`, or nil.
    public static func evaluate(_ log: PurchaseLog, split: Split, weight: InteractionWeight, segmentOfCustomer: [Int32]?,
                                itemVectors: SparseMatrix?, configuration: RecommendationEngine.Configuration) -> [Row] {
        let training = log.interactions(weight: weight, include: split.isTraining)
        var configuration = configuration
        configuration.includePurchased = false
        let engine = RecommendationEngine(interactions: training, segmentOfCustomer: segmentOfCustomer,
                                          itemVectors: itemVectors, configuration: configuration)
        let methods: [RecommendationMethod] = [.tfidf, .knn, .segment, .hybrid, .popular, .random]
        return methods.filter(engine.supports).map { method in
            let lists = engine.recommend(method, for: split.customers)
            let metrics = RankingMetrics.evaluate(lists: split.customers.indices.map(lists.items(at:)), relevant: split.heldOutItems,
                                                  k: configuration.top, itemCount: log.items.count)
            return Row(method: method, metrics: metrics)
        }
    }
}
