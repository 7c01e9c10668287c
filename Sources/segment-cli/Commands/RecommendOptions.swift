import SegmentCore

/// The recommendation options shared by `recommend` and `report
/// --purchases`, their translation into an engine configuration, and the
/// held-out evaluation both commands run.
enum RecommendOptions {
    /// List length, neighbours, interaction weight and the held-out split.
    static let evaluation: [OptionSpec] = [
        OptionSpec("top", value: "N", help: "Items per customer (and k of the metrics).", default: "10"),
        OptionSpec("neighbors", value: "K", help: "Neighbours per customer for tfidf.", default: "20"),
        OptionSpec("weight", value: "WEIGHT", help: "Interaction strength: summed quantity or number of purchases.", default: "quantity", choices: InteractionWeight.allCases.map(\.rawValue)),
        OptionSpec("holdout", value: "HOW", help: "Held-out purchases for the evaluation: each customer's latest by date, or random.", default: "last", choices: HoldoutEvaluation.Strategy.allCases.map(\.rawValue)),
        OptionSpec("test-fraction", value: "F", help: "Share of each customer's purchases held out (at least one, never all).", default: "0.2"),
    ]

    /// The engine configuration of `--top`, `--neighbors`, `--threads` and `--seed`.
    static func configuration(_ arguments: ParsedArguments) throws -> RecommendationEngine.Configuration {
        var configuration = RecommendationEngine.Configuration()
        configuration.top = try arguments.int("top", in: 1...100_000) ?? 10
        configuration.neighbors = try arguments.int("neighbors", in: 1...100_000) ?? 20
        configuration.threads = try CommonOptions.threads(arguments)
        configuration.seed = try CommonOptions.seed(arguments)
        return configuration
    }

    /// `--weight`.
    static func weight(_ arguments: ParsedArguments) -> InteractionWeight {
        InteractionWeight(rawValue: arguments.choice("weight") ?? "quantity") ?? .quantity
    }

    /// `--test-fraction`, checked to lie in (0, 1).
    static func testFraction(_ arguments: ParsedArguments) throws -> Double {
        let testFraction = try arguments.double("test-fraction", exclusiveLowerBound: 0) ?? 0.2
        guard testFraction < 1 else { throw UsageError(message: "--test-fraction must be less than 1, got \(formatNumber(testFraction))") }
        return testFraction
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
    static func evaluate(_ inputs: PurchaseInputs.Loaded, segmentOfCustomer: [Int32]?, arguments: ParsedArguments) throws -> Evaluation {
        let configuration = try configuration(arguments)
        let testFraction = try testFraction(arguments)
        let strategy = HoldoutEvaluation.Strategy(rawValue: arguments.choice("holdout") ?? "last") ?? .last
        let split = try HoldoutEvaluation.split(inputs.log, strategy: strategy, testFraction: testFraction, seed: configuration.seed)
        guard !split.customers.isEmpty else {
            throw SegmentError.invalidInput("\(inputs.purchases.source): no customer has a held-out item that is new to them; evaluation needs customers with several different purchases")
        }
        let rows = HoldoutEvaluation.evaluate(inputs.log, split: split, weight: weight(arguments), segmentOfCustomer: segmentOfCustomer,
                                              itemVectors: inputs.itemVectors, configuration: configuration)
        return Evaluation(rows: rows, k: configuration.top,
                          summary: "evaluated \(split.customers.count) customers, holdout \(strategy.rawValue), test fraction \(formatNumber(testFraction)), k = \(configuration.top)")
    }
}
