import SegmentCore

/// The recommendation options shared by `recommend` and `report
/// --purchases`, their translation into an engine configuration, and the
/// held-out evaluation both commands run.
struct RecommendOptions: Sendable {
    /// Items per customer, neighbours (the library's defaults).
    var engine = RecommendationEngine.Configuration()
    /// How purchases weigh.
    var weight = InteractionWeight.quantity
    /// Which purchases the evaluation holds out.
    var holdout = HoldoutEvaluation.Strategy.last
    /// The share of each customer's purchases held out.
    var testFraction = 0.2

    /// List length, neighbours, interaction weight and the held-out split.
    static let declarations: [Option<RecommendOptions>] = [
        .int("top", \.engine.top, in: 1...100_000, help: "Items per customer (and k of the metrics)."),
        .int("neighbors", \.engine.neighbors, "K", in: 1...100_000, help: "Neighbours per customer for tfidf."),
        .value("weight", \.weight, "WEIGHT", help: "Interaction strength: summed quantity or number of purchases."),
        .value("holdout", \.holdout, "HOW", help: "Held-out purchases for the evaluation: each customer's latest by date, or random."),
        .value("test-fraction", \.testFraction, "F", help: "Share of each customer's purchases held out (at least one, never all).") { text, option in
            let fraction = try OptionNumbers.double(text, in: nil, exclusiveLowerBound: 0, option: option)
            guard fraction < 1 else { throw UsageError(message: "\(option.longSpelling) must be less than 1, got \(formatNumber(fraction))") }
            return fraction
        },
    ]

    /// The engine configuration, with the seed and threads of `runtime`.
    func configuration(runtime: RuntimeOptions) -> RecommendationEngine.Configuration {
        var configuration = engine
        configuration.threads = runtime.threadCount
        configuration.seed = runtime.seed
        return configuration
    }

    /// The held-out evaluation of every method the inputs support, with the
    /// baselines.
    struct Evaluation {
        /// One row per method.
        var rows: [HoldoutEvaluation.Row]
        /// The k of the metrics (`--top`).
        var k: Int
        /// A line for standard error: customers evaluated, holdout, fraction and k.
        var summary: String
    }

    /// Splits `inputs.log` as `--holdout` and `--test-fraction` ask, trains on
    /// the rest and scores every method.
    /// - Throws: `SegmentError.invalidInput` when no customer has a new held-out item.
    func evaluate(_ inputs: PurchaseInputs.Loaded, segmentOfCustomer: [Int32]?, runtime: RuntimeOptions) throws -> Evaluation {
        let configuration = configuration(runtime: runtime)
        let strategy = holdout
        let split = try HoldoutEvaluation.split(inputs.log, strategy: strategy, testFraction: testFraction, seed: configuration.seed)
        guard !split.customers.isEmpty else {
            throw SegmentError.invalidInput("\(inputs.purchases.source): no customer has a held-out item that is new to them; evaluation needs customers with several different purchases")
        }
        let rows = HoldoutEvaluation.evaluate(inputs.log, split: split, weight: weight, segmentOfCustomer: segmentOfCustomer,
                                              itemVectors: inputs.itemVectors, configuration: configuration)
        return Evaluation(rows: rows, k: configuration.top,
                          summary: "evaluated \(split.customers.count) customers, holdout \(strategy.rawValue), test fraction \(formatNumber(testFraction)), k = \(configuration.top)")
    }
}

extension InteractionWeight: OptionChoice {}
extension HoldoutEvaluation.Strategy: OptionChoice {}
extension RecommendationMethod: OptionChoice {}
