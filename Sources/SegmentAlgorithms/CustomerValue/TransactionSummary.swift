import SegmentBase

/// Each customer's purchase history in the calibration window, as the
/// customer-value models read it (the conventions of Fader, Hardie & Lee and
/// of the lifetimes package):
/// - purchases on the same day are one transaction, their amounts summed;
/// - `frequency` (x) = transactions in the window − 1 (repeat transactions);
/// - `recency` (tₓ) = periods from the first to the last transaction;
/// - `T` = periods from the first transaction to the window's end;
/// - `monetary` = the mean amount of the repeat transactions (the first is
///   left out), 0 without one.
/// The window ends with the calibration end day, inclusive; customers whose
/// first purchase comes later are not in the summary. Transactions after
/// the window are counted per customer for the holdout comparison.
public struct TransactionSummary: Sendable {
    /// Customer ids, in `IdentifierOrder`.
    public let customers: [String]
    /// Each customer's frequency, recency and T.
    public let histories: [RepeatBuyerHistory]
    /// Each customer's mean repeat-transaction amount (0 without a repeat
    /// transaction or without amounts).
    public let monetary: [Double]
    /// Whether the log has amounts (else `monetary` is all 0).
    public let hasAmounts: Bool
    /// Each customer's transactions after the calibration end.
    public let holdoutTransactions: [Int]
    /// The last day of the calibration window (days since 1970-01-01).
    public let calibrationEnd: Int
    /// The day of the latest purchase in the log.
    public let lastPurchaseDay: Int
    /// The time unit.
    public let period: ValuePeriod
    /// Customers of the log left out because their first purchase comes
    /// after the calibration end.
    public let laterCustomers: Int

    /// A summary of these parts (see `TransactionSummaryBuilder`).
    init(customers: [String], histories: [RepeatBuyerHistory], monetary: [Double], hasAmounts: Bool, holdoutTransactions: [Int],
         calibrationEnd: Int, lastPurchaseDay: Int, period: ValuePeriod, laterCustomers: Int) {
        self.customers = customers
        self.histories = histories
        self.monetary = monetary
        self.hasAmounts = hasAmounts
        self.holdoutTransactions = holdoutTransactions
        self.calibrationEnd = calibrationEnd
        self.lastPurchaseDay = lastPurchaseDay
        self.period = period
        self.laterCustomers = laterCustomers
    }

    /// The error for a log without a date column.
    public static let missingDates = ParameterError("date", "customer value needs purchase dates, but no date column was found; name it with \(parameter: "date")")

    /// Refuses a calibration window that ends before the first purchase.
    static func checkWindow(end: Int, firstPurchase: Int) throws {
        if end < firstPurchase {
            throw ParameterError("calibration-end", "\(parameter: "calibration-end") \(CellParsing.formatDate(seconds: Double(end) * 86_400)) comes before the first purchase (\(CellParsing.formatDate(seconds: Double(firstPurchase) * 86_400))), so no customer has a history to fit; give a date on or after it")
        }
    }

    /// The holdout window's length in periods: from the calibration end to
    /// the latest purchase.
    public var holdoutPeriods: Double { Double(lastPurchaseDay - calibrationEnd) / period.days }

    /// Summarises `log`, which must have dates, over the window ending on
    /// `calibrationEnd` (days since 1970-01-01; `nil`: the latest purchase):
    /// each customer's purchases, in date order (ties in log order), go
    /// through a `TransactionSummaryBuilder`.
    ///
    /// - Throws: `ParameterError` when the log has no dates or the window
    ///   ends before the first purchase.
    public init(log: PurchaseLog, calibrationEnd: Int?, period: ValuePeriod) throws {
        guard let days = log.days else { throw Self.missingDates }
        // Purchases grouped by customer (a counting sort, keeping log order).
        let customerCount = log.customers.count
        var offsets = [Int](repeating: 0, count: customerCount + 1)
        for customer in log.customerOfPurchase { offsets[Int(customer) + 1] += 1 }
        for index in 0..<customerCount { offsets[index + 1] += offsets[index] }
        var next = offsets
        var order = [Int](repeating: 0, count: log.count)
        for purchase in 0..<log.count {
            let customer = Int(log.customerOfPurchase[purchase])
            order[next[customer]] = purchase
            next[customer] += 1
        }
        let day = days.map { Int($0.rounded(.down)) }
        var builder = TransactionSummaryBuilder(calibrationEnd: calibrationEnd)
        for customer in 0..<customerCount {
            let purchases = order[offsets[customer]..<offsets[customer + 1]].sorted { (day[$0], $0) < (day[$1], $1) }
            for purchase in purchases {
                let added = builder.add(customer: log.customers[customer], day: day[purchase], amount: log.amounts?[purchase] ?? 0)
                assert(added, "purchases are added in date order")
            }
        }
        self = try builder.summary(period: period, hasAmounts: log.amounts != nil)
    }
}
