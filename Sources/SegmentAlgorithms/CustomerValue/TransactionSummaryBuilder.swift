import SegmentBase

/// Builds a `TransactionSummary` one purchase at a time, in memory
/// proportional to the customers rather than the purchases, for a log whose
/// purchases come in date order for each customer (the order logs are
/// usually written in; customers may interleave). A purchase dated before
/// its customer's previous one is refused (`add` returns false): the caller
/// then summarises the whole log in memory instead.
public struct TransactionSummaryBuilder: Sendable {
    /// The last day of the calibration window; `nil`: every purchase is in it.
    public let calibrationEnd: Int?
    private var position: [String: Int32] = [:]
    private var ids: [String] = []
    private var firstDay: [Int32] = [], lastCalibrationDay: [Int32] = [], lastDay: [Int32] = []
    private var calibrationTransactions: [Int32] = [], holdoutTransactions: [Int32] = []
    private var firstDayAmount: [Double] = [], calibrationAmount: [Double] = []
    /// The earliest and latest purchase days added.
    private(set) var earliest = Int.max, latest = Int.min

    /// A builder for the window ending on `calibrationEnd` (days since 1970-01-01).
    public init(calibrationEnd: Int?) {
        self.calibrationEnd = calibrationEnd
    }

    /// Adds a purchase of `amount` by `customer` on `day`; false (and
    /// nothing added) when the customer's previous purchase is later.
    public mutating func add(customer: String, day: Int, amount: Double) -> Bool {
        earliest = min(earliest, day)
        latest = max(latest, day)
        let inWindow = calibrationEnd.map { day <= $0 } ?? true
        let today = Int32(truncatingIfNeeded: day)
        guard let index = position[customer].map(Int.init) else {
            position[customer] = Int32(ids.count)
            ids.append(customer)
            firstDay.append(today)
            lastDay.append(today)
            lastCalibrationDay.append(today)
            calibrationTransactions.append(inWindow ? 1 : 0)
            holdoutTransactions.append(0)
            firstDayAmount.append(amount)
            calibrationAmount.append(inWindow ? amount : 0)
            return true
        }
        if today < lastDay[index] { return false }
        let sameDay = today == lastDay[index]
        if inWindow {
            calibrationAmount[index] += amount
            if sameDay {
                if today == firstDay[index] { firstDayAmount[index] += amount }
            } else {
                calibrationTransactions[index] += 1
                lastCalibrationDay[index] = today
            }
        } else if !sameDay {
            holdoutTransactions[index] += 1
        }
        lastDay[index] = today
        return true
    }

    /// The summary in `period` units; `hasAmounts` says whether the amounts
    /// added were real (else they were 0).
    /// - Throws: `ParameterError` as `TransactionSummary.init(log:calibrationEnd:period:)`.
    public func summary(period: ValuePeriod, hasAmounts: Bool) throws -> TransactionSummary {
        guard !ids.isEmpty else { throw SegmentError.invalidInput("the purchase log has no purchases") }
        let end = calibrationEnd ?? latest
        try TransactionSummary.checkWindow(end: end, firstPurchase: earliest)
        var customers: [String] = [], histories: [RepeatBuyerHistory] = [], monetary: [Double] = [], holdout: [Int] = []
        var later = 0
        let order = ids.indices.sorted { IdentifierOrder.areInIncreasingOrder(ids[$0], ids[$1]) }
        for index in order {
            let first = Int(firstDay[index])
            guard first <= end else { later += 1; continue }
            let frequency = Int(calibrationTransactions[index]) - 1
            customers.append(ids[index])
            histories.append(RepeatBuyerHistory(frequency: Double(frequency),
                                                recency: Double(Int(lastCalibrationDay[index]) - first) / period.days,
                                                age: Double(end - first) / period.days))
            monetary.append(frequency > 0 ? (calibrationAmount[index] - firstDayAmount[index]) / Double(frequency) : 0)
            holdout.append(Int(holdoutTransactions[index]))
        }
        return TransactionSummary(customers: customers, histories: histories, monetary: monetary, hasAmounts: hasAmounts,
                                  holdoutTransactions: holdout, calibrationEnd: end, lastPurchaseDay: latest,
                                  period: period, laterCustomers: later)
    }
}
