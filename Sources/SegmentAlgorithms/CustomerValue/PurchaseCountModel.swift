/// A model of how many transactions a customer makes and when they stop:
/// BG/NBD or Pareto/NBD.
public protocol PurchaseCountModel: Sendable {
    /// The model's name as the command line spells it (`bg-nbd`).
    static var name: String { get }
    /// The parameters' names, in the order of `parameterValues`.
    static var parameterNames: [String] { get }
    /// The parameters in the order of `parameterNames`.
    var parameterValues: [Double] { get }
    /// A model with `values` in the order of `parameterNames` (all positive).
    init(parameterValues values: [Double])
    /// The terms of the log-likelihood that depend on the frequency x alone
    /// (log-gamma functions, mostly), which a fit computes once per distinct
    /// frequency rather than once per customer.
    func frequencyTerms(_ frequency: Double) -> FrequencyTerms
    /// The log-likelihood of one customer's history, given `frequencyTerms(history.frequency)`.
    func logLikelihood(_ history: RepeatBuyerHistory, terms: FrequencyTerms) -> Double
    /// The probability that a customer with `history` is still active at the
    /// end of the calibration window.
    func probabilityAlive(_ history: RepeatBuyerHistory) -> Double
    /// The expected number of transactions in the `periods` after the end of
    /// the calibration window; `nan` when the model cannot say (a series
    /// that does not converge).
    func expectedPurchases(in periods: Double, given history: RepeatBuyerHistory) -> Double
}

/// The parts of a customer's log-likelihood that depend only on the
/// frequency (see `PurchaseCountModel.frequencyTerms`).
public struct FrequencyTerms: Sendable {
    /// The term common to every way of explaining the history.
    public var common: Double
    /// The frequency's part of the drop-out branch.
    public var dropOut: Double

    /// Terms of these values.
    public init(common: Double, dropOut: Double) {
        self.common = common
        self.dropOut = dropOut
    }
}

extension PurchaseCountModel {
    /// The log-likelihood of one customer's history.
    public func logLikelihood(_ history: RepeatBuyerHistory) -> Double {
        logLikelihood(history, terms: frequencyTerms(history.frequency))
    }
}
