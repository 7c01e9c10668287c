/// The check of Fader, Hardie & Lee (2005, figure 4): the transactions each
/// customer made in the holdout window against the model's expectation for
/// that window, grouped by the customer's repeat transactions in the
/// calibration window (0, 1, …, 6, and 7 or more).
public struct HoldoutComparison: Sendable {
    /// One group of customers.
    public struct Group: Sendable, Equatable {
        /// `"0"` … `"6"`, `"7+"`, or `"total"`.
        public var label: String
        /// Customers in the group.
        public var customers: Int
        /// Their holdout transactions.
        public var actual: Double
        /// The transactions the model expects of them in the holdout.
        public var predicted: Double
    }

    /// The groups by calibration frequency, then the total.
    public let groups: [Group]
    /// Mean over customers of |actual − predicted|.
    public let meanAbsoluteError: Double
    /// The holdout window's length in periods.
    public let holdoutPeriods: Double

    /// Compares `summary`'s holdout transactions with `model`'s expectations.
    public init(summary: TransactionSummary, model: any PurchaseCountModel) {
        let length = summary.holdoutPeriods
        let top = 7
        var customers = [Int](repeating: 0, count: top + 1)
        var actual = [Double](repeating: 0, count: top + 1), predicted = actual
        var absoluteError = 0.0
        for (index, history) in summary.histories.enumerated() {
            let group = min(Int(history.frequency), top)
            let expected = model.expectedPurchases(in: length, given: history)
            let observed = Double(summary.holdoutTransactions[index])
            customers[group] += 1
            actual[group] += observed
            predicted[group] += expected
            absoluteError += abs(observed - expected)
        }
        var groups = (0...top).map { Group(label: $0 == top ? "\(top)+" : String($0), customers: customers[$0], actual: actual[$0], predicted: predicted[$0]) }
        groups.append(Group(label: "total", customers: customers.reduce(0, +), actual: actual.reduce(0, +), predicted: predicted.reduce(0, +)))
        self.groups = groups
        self.meanAbsoluteError = absoluteError / Double(max(summary.histories.count, 1))
        self.holdoutPeriods = length
    }
}
