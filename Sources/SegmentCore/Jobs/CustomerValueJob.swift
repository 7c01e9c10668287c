import Foundation
import SegmentBase
import SegmentAlgorithms

/// `segment clv` end to end, after the purchase log is summarised
/// (`PurchaseSummaryReader`): the fits (or a saved model), the per-customer
/// forecast, and on request the holdout comparison and the value per segment.
public struct CustomerValueJob: Sendable {
    /// Where the models come from.
    public enum Models: Sendable {
        /// Fit the purchase-count model named (`bg-nbd`, `pareto-nbd`) and Gamma-Gamma.
        case fit(String)
        /// Use a saved model.
        case saved(CustomerValueModel)
    }

    /// The customers' calibration summary (in a saved model's period, when one is used).
    public var summary: TransactionSummary
    /// Horizon, discount rate and margin.
    public var settings: CustomerValueForecast.Settings
    /// Fit, or use a saved model.
    public var models: Models
    /// Whether to compare the forecast with the holdout window.
    public var evaluate: Bool
    /// Customer segments, for the per-segment values.
    public var segments: CustomerSegments?
    /// Worker threads.
    public var threads: Int

    /// A job with every setting given.
    public init(summary: TransactionSummary, settings: CustomerValueForecast.Settings,
                models: Models, evaluate: Bool, segments: CustomerSegments?, threads: Int) {
        self.summary = summary
        self.settings = settings
        self.models = models
        self.evaluate = evaluate
        self.segments = segments
        self.threads = threads
    }

    /// What the job computed.
    public struct Result: Sendable {
        /// The calibration summary.
        public var summary: TransactionSummary
        /// The models used (fitted now or read), ready to save.
        public var model: CustomerValueModel
        /// Why there is no spend model, when there is none.
        public var spendNote: ParameterText?
        /// Repeat buyers left out of the spend fit because their repeat purchases' mean amount is 0.
        public var zeroSpendBuyers: Int
        /// The per-customer forecast.
        public var forecast: CustomerValueForecast
        /// The holdout comparison, with `evaluate`.
        public var holdout: HoldoutComparison?
        /// Each summarised customer's segment index into `segments.labels` (−1: none), with segments.
        public var segmentOfCustomer: [Int32]?
        /// The value per segment, with segments.
        public var segmentValues: SegmentValueTable?
        /// Labelled customers without a purchase in the calibration window.
        public var labelledWithoutHistory: Int
    }

    /// Runs the job.
    /// - Throws: `ParameterError` or `SegmentError` for data the models
    ///   cannot use (see `ModelFitting`), for `evaluate` without a holdout,
    ///   for a saved model of another period, and for a spend model without a finite mean.
    public func run() throws -> Result {
        if case .saved(let saved) = models, saved.valuePeriod != summary.period {
            throw ParameterError("period", "the summary is in \(summary.period.rawValue)s but the saved model's parameters are in \(saved.period)s; summarise in \(saved.period)s (\(parameter: "period") \(saved.period))")
        }
        if evaluate && summary.lastPurchaseDay <= summary.calibrationEnd {
            let end = CellParsing.formatDate(seconds: Double(summary.calibrationEnd) * 86_400)
            throw ParameterError("evaluate", "\(parameter: "evaluate") compares the forecast with the purchases after the calibration end, but there is none after \(end); give an earlier \(parameter: "calibration-end") (the holdout is the time from it to the latest purchase)")
        }
        let model: CustomerValueModel
        var spendNote: ParameterText?
        var zeroSpend = 0
        switch models {
        case .saved(let saved):
            model = saved
            if saved.gammaGamma == nil { spendNote = "the saved model has no Gamma-Gamma spend model, so expected_value and clv are left empty" }
        case .fit(let name):
            let fit = try fitPurchases(name, summary: summary)
            let spend: ModelFit<GammaGamma>?
            (spend, spendNote, zeroSpend) = try fitSpend(summary: summary)
            model = CustomerValueModel(purchases: fit, spend: spend, period: summary.period, calibrationEnd: summary.calibrationEnd)
        }
        let spendModel = model.spendModel
        if let spendModel, !spendModel.populationMean.isFinite {
            throw SegmentError.invalidInput("the Gamma-Gamma spend model has q = \(formatNumber(spendModel.q, decimals: 4)) ≤ 1, so the spend per transaction has no finite mean and values cannot be forecast; the amounts may have extreme outliers")
        }
        let forecast = try CustomerValueForecast(summary: summary, model: model.purchaseModel, spend: spendModel, settings: settings, threads: threads)
        let holdout = evaluate ? HoldoutComparison(summary: summary, model: model.purchaseModel) : nil
        var segmentOfCustomer: [Int32]?, segmentValues: SegmentValueTable?, labelledWithoutHistory = 0
        if let segments {
            let indices = segments.segmentIndices(for: summary.customers)
            segmentOfCustomer = indices
            segmentValues = SegmentValueTable(labels: segments.labels, segmentOfCustomer: indices, forecast: forecast)
            let summarised = Set(summary.customers)
            labelledWithoutHistory = segments.segmentOfCustomer.keys.count { !summarised.contains($0) }
        }
        return Result(summary: summary, model: model, spendNote: spendNote, zeroSpendBuyers: zeroSpend, forecast: forecast, holdout: holdout,
                      segmentOfCustomer: segmentOfCustomer, segmentValues: segmentValues, labelledWithoutHistory: labelledWithoutHistory)
    }

    /// Fits the purchase-count model `name` to the summary's histories.
    private func fitPurchases(_ name: String, summary: TransactionSummary) throws -> ModelFit<any PurchaseCountModel> {
        guard summary.histories.contains(where: { $0.frequency > 0 }) else {
            throw SegmentError.invalidInput("no customer bought again within the calibration window (every customer has one transaction), so the \(name) model cannot be fitted; check the customer and date columns, or give a later \(parameter: "calibration-end")")
        }
        func erase<Model: PurchaseCountModel>(_ fit: ModelFit<Model>) -> ModelFit<any PurchaseCountModel> {
            ModelFit(model: fit.model, logLikelihood: fit.logLikelihood, evaluations: fit.evaluations, customers: fit.customers)
        }
        if name == ParetoNBD.name { return erase(try ModelFitting.fit(ParetoNBD.self, to: summary.histories, threads: threads)) }
        return erase(try ModelFitting.fit(BetaGeometricNBD.self, to: summary.histories, threads: threads))
    }

    /// Fits Gamma-Gamma to the repeat buyers with a positive mean spend, or
    /// says why it cannot be fitted; with the repeat buyers left out for a
    /// mean spend of 0.
    private func fitSpend(summary: TransactionSummary) throws -> (ModelFit<GammaGamma>?, ParameterText?, leftOut: Int) {
        guard summary.hasAmounts else {
            return (nil, "the purchases have no amount column, so expected_value and clv are left empty; name one with \(parameter: "amount") (or \(parameter: "quantity") and \(parameter: "price"))", 0)
        }
        let repeaters = summary.histories.indices.filter { summary.histories[$0].frequency > 0 }
        let buyers = repeaters.filter { summary.monetary[$0] > 0 }
        guard buyers.count >= 2 else {
            return (nil, "Gamma-Gamma cannot be fitted: \(buyers.count == 0 ? "no customer has" : "only one customer has") a repeat purchase with a positive amount in the calibration window, so expected_value and clv are left empty (p_alive and expected_purchases are still forecast)", 0)
        }
        let fit = try ModelFitting.fitGammaGamma(transactions: buyers.map { summary.histories[$0].frequency },
                                                 meanValues: buyers.map { summary.monetary[$0] }, threads: threads)
        return (fit, nil, repeaters.count - buyers.count)
    }
}
