import Foundation
import SegmentBase

/// What each customer of a `TransactionSummary` is expected to do and be worth.
///
/// With H = `horizon` periods, d = `discountRate` per period and m = `margin`:
/// - `probabilityAlive`: the model's P(active | x, tₓ, T);
/// - `expectedPurchases`: E[transactions in the next H periods | x, tₓ, T];
/// - `expectedValue`: the Gamma-Gamma expected spend per transaction given
///   the customer's repeat transactions (the population mean without one);
/// - `clv` = m · expectedValue · Σᵢ₌₁..H (E[N(i)] − E[N(i−1)]) / (1 + d)ⁱ,
///   the expected transactions of each period discounted to today, as the
///   lifetimes package's `customer_lifetime_value` (whose steps are months);
///   with d = 0 it is m · expectedValue · E[N(H)].
public struct CustomerValueForecast: Sendable {
    /// Settings of the forecast.
    public struct Settings: Sendable, Equatable {
        /// Periods ahead.
        public var horizon: Int
        /// Discount rate per period (0: undiscounted).
        public var discountRate: Double
        /// Profit margin applied to the value.
        public var margin: Double

        /// Settings for a forecast `horizon` periods ahead.
        public init(horizon: Int, discountRate: Double = 0, margin: Double = 1) {
            self.horizon = horizon
            self.discountRate = discountRate
            self.margin = margin
        }
    }

    /// Each customer's probability of being active.
    public let probabilityAlive: [Double]
    /// Each customer's expected transactions over the horizon.
    public let expectedPurchases: [Double]
    /// Each customer's expected spend per transaction; `nil` without a spend model.
    public let expectedValue: [Double]?
    /// Each customer's lifetime value over the horizon; `nil` without a spend model.
    public let clv: [Double]?

    /// Customers per parallel chunk.
    static let chunkSize = 512

    /// Forecasts every customer of `summary` with `model` (and `spend` for values).
    ///
    /// - Throws: `SegmentError.invalidInput` naming the first customer for
    ///   whom a number is not finite (a series that did not converge).
    public init(summary: TransactionSummary, model: any PurchaseCountModel, spend: GammaGamma?, settings: Settings, threads: Int) throws {
        let count = summary.customers.count
        let chunks = ParallelChunks(count: count, chunkSize: Self.chunkSize, threads: threads)
        let perChunk = chunks.mapChunks { _, range in
            range.map { index -> (alive: Double, purchases: Double, value: Double, clv: Double) in
                let history = summary.histories[index]
                let alive = model.probabilityAlive(history)
                let purchases = model.expectedPurchases(in: Double(settings.horizon), given: history)
                guard let spend else { return (alive, purchases, .nan, .nan) }
                let value = spend.expectedValue(transactions: history.frequency, meanValue: summary.monetary[index])
                let discounted = Self.discountedPurchases(model: model, history: history, settings: settings, undiscounted: purchases)
                return (alive, purchases, value, settings.margin * value * discounted)
            }
        }.joined()
        let rows = Array(perChunk)
        probabilityAlive = rows.map(\.alive)
        expectedPurchases = rows.map(\.purchases)
        expectedValue = spend == nil ? nil : rows.map(\.value)
        clv = spend == nil ? nil : rows.map(\.clv)
        if let bad = rows.indices.first(where: { index in
            let row = rows[index]
            return !row.alive.isFinite || !row.purchases.isFinite || (spend != nil && !(row.value.isFinite && row.clv.isFinite))
        }) {
            let history = summary.histories[bad]
            throw SegmentError.invalidInput("customer '\(summary.customers[bad])' (frequency \(formatNumber(history.frequency)), recency \(formatNumber(history.recency, decimals: 2)), T \(formatNumber(history.age, decimals: 2))): the \(type(of: model).name) forecast is not a finite number with these parameters; a shorter horizon, or the other model, may help")
        }
    }

    /// Σᵢ₌₁..H (E[N(i)] − E[N(i−1)]) / (1 + d)ⁱ; `undiscounted` is E[N(H)].
    static func discountedPurchases(model: any PurchaseCountModel, history: RepeatBuyerHistory, settings: Settings, undiscounted: Double) -> Double {
        guard settings.discountRate != 0 else { return undiscounted }
        var total = 0.0, previous = 0.0, factor = 1.0
        for step in 1...max(settings.horizon, 1) {
            let cumulative = step == settings.horizon ? undiscounted : model.expectedPurchases(in: Double(step), given: history)
            factor /= 1 + settings.discountRate
            total += (cumulative - previous) * factor
            previous = cumulative
        }
        return total
    }
}
