import Foundation
import SegmentBase

/// A model fitted by maximum likelihood.
public struct ModelFit<Model: Sendable>: Sendable {
    /// The fitted model.
    public var model: Model
    /// The log-likelihood of the data at the fitted parameters.
    public var logLikelihood: Double
    /// Likelihood evaluations the optimiser used.
    public var evaluations: Int
    /// Customers whose data entered the fit.
    public var customers: Int

    /// A fit of `model` with these figures.
    public init(model: Model, logLikelihood: Double, evaluations: Int, customers: Int) {
        self.model = model
        self.logLikelihood = logLikelihood
        self.evaluations = evaluations
        self.customers = customers
    }
}

/// Maximum-likelihood fits of the customer-value models: Nelder–Mead on the
/// logarithms of the parameters (which keeps them positive and evens out
/// their scales), started from 1 for every parameter, with the likelihood
/// summed in fixed chunks in parallel — the same result for any thread count.
public enum ModelFitting {
    /// Terms per parallel chunk.
    static let chunkSize = 1024
    /// A fitted parameter beyond e^±18 (about 6.6 × 10⁷ or 1.5 × 10⁻⁸) counts
    /// as run off to ∞ or 0: the likelihood keeps improving toward a limit
    /// the model cannot reach (no drop-out seen, no heterogeneity left).
    static let boundaryLogarithm = 18.0

    /// Fits a purchase-count model to `histories`, summing the likelihood
    /// over the distinct histories weighted by how many customers share them.
    ///
    /// - Throws: `SegmentError.invalidInput` when the optimiser does not
    ///   converge or ends where the likelihood is not finite.
    public static func fit<Model: PurchaseCountModel>(_: Model.Type, to histories: [RepeatBuyerHistory], threads: Int) throws -> ModelFit<Model> {
        let distinct = WeightedHistories(histories)
        let chunks = ParallelChunks(count: distinct.histories.count, chunkSize: chunkSize, threads: threads)
        let result = minimize(parameterCount: Model.parameterNames.count) { parameters in
            let model = Model(parameterValues: parameters)
            return -chunks.mapChunks { _, range in
                // Histories are sorted by frequency: its terms change rarely.
                var sum = 0.0, frequency = -1.0
                var terms = FrequencyTerms(common: 0, dropOut: 0)
                for index in range {
                    let history = distinct.histories[index]
                    if history.frequency != frequency {
                        frequency = history.frequency
                        terms = model.frequencyTerms(frequency)
                    }
                    sum += distinct.weights[index] * model.logLikelihood(history, terms: terms)
                }
                return sum
            }.reduce(0, +)
        }
        let model = Model(parameterValues: result.point.map(exp))
        try check(result, modelName: Model.name, parameters: Array(zip(Model.parameterNames, model.parameterValues)))
        return ModelFit(model: model, logLikelihood: -result.value, evaluations: result.evaluations, customers: histories.count)
    }

    /// Fits the Gamma-Gamma model to the repeat buyers' transaction counts
    /// and mean spends (each count and each mean positive).
    public static func fitGammaGamma(transactions: [Double], meanValues: [Double], threads: Int) throws -> ModelFit<GammaGamma> {
        let chunks = ParallelChunks(count: transactions.count, chunkSize: chunkSize, threads: threads)
        // Spends are divided by their mean while fitting, so that the start
        // point suits any currency; γ scales back by the same factor, and
        // the log density of each mean by −log(scale).
        let scale = meanValues.reduce(0, +) / Double(max(meanValues.count, 1))
        // Sorted by transactions, so that their terms change rarely.
        let order = transactions.indices.sorted { (transactions[$0], meanValues[$0]) < (transactions[$1], meanValues[$1]) }
        let counts = order.map { transactions[$0] }, scaled = order.map { meanValues[$0] / scale }
        let result = minimize(parameterCount: 3) { parameters in
            let model = GammaGamma(parameterValues: parameters)
            return -chunks.mapChunks { _, range in
                var sum = 0.0, count = -1.0, term = 0.0
                for index in range {
                    if counts[index] != count {
                        count = counts[index]
                        term = model.transactionsTerm(count)
                    }
                    sum += model.logLikelihood(transactions: count, meanValue: scaled[index], transactionsTerm: term)
                }
                return sum
            }.reduce(0, +)
        }
        var model = GammaGamma(parameterValues: result.point.map(exp))
        model.v *= scale
        try check(result, modelName: "gamma-gamma", parameters: Array(zip(GammaGamma.parameterNames, model.parameterValues)))
        let logLikelihood = -result.value - Double(transactions.count) * log(scale)
        return ModelFit(model: model, logLikelihood: logLikelihood, evaluations: result.evaluations, customers: transactions.count)
    }

    /// Nelder–Mead over log-parameters; `negativeLogLikelihood` takes the
    /// parameters themselves.
    private static func minimize(parameterCount: Int, _ negativeLogLikelihood: ([Double]) -> Double) -> NelderMead.Result {
        NelderMead().minimize(from: [Double](repeating: 0, count: parameterCount)) { logs in
            negativeLogLikelihood(logs.map(exp))
        }
    }

    /// Refuses a fit that did not converge or whose parameters ran off toward 0 or ∞.
    private static func check(_ result: NelderMead.Result, modelName: String, parameters: [(String, Double)]) throws {
        guard result.value.isFinite else {
            throw SegmentError.invalidInput("the \(modelName) fit found no parameters with a finite likelihood; the data may not suit the model (too few customers or repeat purchases)")
        }
        if result.converged, let edge = result.point.indices.first(where: { abs(result.point[$0]) > boundaryLogarithm }) {
            let shown = parameters.map { "\($0.0) = \(formatNumber($0.1, decimals: 4))" }.joined(separator: ", ")
            throw SegmentError.invalidInput("the \(modelName) fit ran to the edge of its parameters (\(parameters[edge].0) \(result.point[edge] > 0 ? "→ ∞" : "→ 0"); \(shown)): the data do not show what the model needs to tell apart (for a purchase-count model, usually customers who stop buying), so its forecasts would not mean much; check that the log covers enough time, or try the other model with \(parameter: "model")")
        }
        guard result.converged else {
            let shown = parameters.map { "\($0.0) = \(formatNumber($0.1, decimals: 4))" }.joined(separator: ", ")
            throw SegmentError.invalidInput("the \(modelName) fit did not converge after \(result.evaluations) likelihood evaluations (last parameters \(shown)); the data may not suit the model: check that the period and the calibration window leave customers time to buy again, or try the other model with \(parameter: "model")")
        }
    }
}

/// Distinct histories and how many customers share each: most customers of
/// a cohort share (0, 0, T), so the likelihood is summed over far fewer
/// terms. Sorted by frequency, then recency and T, so the order (and the
/// fitted parameters) depend only on the set of histories.
struct WeightedHistories: Sendable {
    /// The distinct histories, sorted.
    var histories: [RepeatBuyerHistory] = []
    /// How many customers have each history.
    var weights: [Double] = []

    init(_ all: [RepeatBuyerHistory]) {
        var position: [RepeatBuyerHistory: Int] = [:]
        for history in all {
            if let index = position[history] {
                weights[index] += 1
            } else {
                position[history] = histories.count
                histories.append(history)
                weights.append(1)
            }
        }
        let order = histories.indices.sorted { left, right in
            let a = histories[left], b = histories[right]
            return (a.frequency, a.recency, a.age) < (b.frequency, b.recency, b.age)
        }
        histories = order.map { histories[$0] }
        weights = order.map { weights[$0] }
    }
}
