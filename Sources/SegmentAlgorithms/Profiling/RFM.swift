import Foundation
import SegmentBase

/// Recency–frequency–monetary analysis (Hughes, "Strategic Database
/// Marketing", 1994; the quintile scoring popularised by Bult & Wansbeek,
/// "Optimal selection for direct mail", Marketing Science 14(4), 1995).
///
/// Per customer with at least one purchase:
/// - recency_days: days from the last purchase to the as-of date (default the
///   day after the latest purchase in the log);
/// - frequency: number of purchases (rows);
/// - monetary: sum of the purchases' amounts (or quantity × price).
///
/// Scores 1–5 follow pandas' common recipe
/// `pd.qcut(x.rank(method="first"), 5, labels=…)`: customers are ranked
/// 1…n by the value, ties by customer order (`IdentifierOrder`); rank r gets
/// quintile q, the smallest q in 1…5 with r ≤ 1 + q·(n − 1)/5. Frequency and
/// monetary score q; recency scores 6 − q (recent is good).
public struct RFMTable: Sendable {
    /// Customer ids, in `IdentifierOrder`.
    public let customers: [String]
    /// Days since each customer's last purchase.
    public let recencyDays: [Double]
    /// Purchases per customer.
    public let frequency: [Int]
    /// Money spent per customer.
    public let monetary: [Double]
    /// Recency score (5 = most recent quintile).
    public let recencyScores: [Int]
    /// Frequency score (5 = most frequent quintile).
    public let frequencyScores: [Int]
    /// Monetary score (5 = highest spending quintile).
    public let monetaryScores: [Int]
    /// Named segment of each customer (`RFMTable.segmentName`).
    public let segments: [String]

    /// Computes the table from `log`, which must have dates and amounts.
    ///
    /// - Parameter asOf: the reference day (days since 1970-01-01); nil
    ///   means the day after the latest purchase.
    /// - Throws: `ParameterError` when dates or amounts are missing, or when
    ///   `asOf` comes before a customer's last purchase (recency would be
    ///   negative); `SegmentError.invalidInput` when a customer's total overflows.
    public init(log: PurchaseLog, asOf: Double?) throws {
        guard let days = log.days else {
            throw ParameterError("date", "rfm needs purchase dates, but no date column was found; name it with \(parameter: "date")")
        }
        guard let amounts = log.amounts else {
            throw ParameterError("amount", "rfm needs the money spent: name an amount column with \(parameter: "amount"), or \(parameter: "quantity") and \(parameter: "price")")
        }
        let customerCount = log.customers.count
        var last = [Double](repeating: -.infinity, count: customerCount)
        var frequency = [Int](repeating: 0, count: customerCount)
        var monetary = [Double](repeating: 0, count: customerCount)
        for purchase in 0..<log.count {
            let customer = Int(log.customerOfPurchase[purchase])
            last[customer] = max(last[customer], days[purchase])
            frequency[customer] += 1
            monetary[customer] += amounts[purchase]
        }
        if let customer = monetary.firstIndex(where: { !$0.isFinite }) {
            throw SegmentError.invalidInput("customer '\(log.customers[customer])': the purchase amounts add up to more than the largest representable number (about 1.8e308); divide the amount column by a large constant")
        }
        let active = (0..<customerCount).filter { frequency[$0] > 0 }
        let reference = asOf ?? ((days.max() ?? 0).rounded(.down) + 1)
        if let customer = last.indices.max(by: { last[$0] < last[$1] }), last[customer] > reference {
            let bought = CellParsing.formatDate(seconds: last[customer] * 86_400)
            let later = last.count { $0 > reference }
            throw ParameterError("as-of", "\(parameter: "as-of") \(CellParsing.formatDate(seconds: reference * 86_400)) comes before the last purchase of customer '\(log.customers[customer])' (\(bought))\(later > 1 ? " and of \(later - 1) other customers" : ""), so recency would be negative; give a date on or after \(bought), or leave \(parameter: "as-of") out (the day after the latest purchase)")
        }
        customers = active.map { log.customers[$0] }
        recencyDays = active.map { reference - last[$0] }
        self.frequency = active.map { frequency[$0] }
        self.monetary = active.map { monetary[$0] }
        recencyScores = Self.quintiles(of: recencyDays).map { 6 - $0 }
        frequencyScores = Self.quintiles(of: self.frequency.map(Double.init))
        monetaryScores = Self.quintiles(of: self.monetary)
        segments = zip(recencyScores, frequencyScores).map { Self.segmentName(recency: $0, frequency: $1) }
    }

    /// The quintile (1…5) of each value: pandas'
    /// `qcut(rank(method="first"), 5, labels=[1, 2, 3, 4, 5])`.
    public static func quintiles(of values: [Double]) -> [Int] {
        let n = values.count
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        var result = [Int](repeating: 1, count: n)
        for (position, index) in order.enumerated() {
            // rank r = position + 1; smallest q with 5 (r − 1) ≤ q (n − 1).
            var quintile = 1
            while quintile < 5 && 5 * position > quintile * (n - 1) { quintile += 1 }
            result[index] = quintile
        }
        return result
    }

    /// The named segment of a recency and frequency score pair, after the
    /// widely used RFM segment map (R score, F score):
    /// champions (5, 4–5), loyal customers (3–4, 4–5), potential loyalists
    /// (4–5, 2–3), new customers (5, 1), promising (4, 1), need attention
    /// (3, 3), about to sleep (3, 1–2), can't lose them (1–2, 5), at risk
    /// (1–2, 3–4), hibernating (1–2, 1–2 but not 1, 1), lost (1, 1).
    public static func segmentName(recency r: Int, frequency f: Int) -> String {
        switch (r, f) {
        case (5, 4...5): return "champions"
        case (3...4, 4...5): return "loyal customers"
        case (4...5, 2...3): return "potential loyalists"
        case (5, 1): return "new customers"
        case (4, 1): return "promising"
        case (3, 3): return "need attention"
        case (3, 1...2): return "about to sleep"
        case (1...2, 5): return "can't lose them"
        case (1...2, 3...4): return "at risk"
        case (1, 1): return "lost"
        default: return "hibernating"
        }
    }
}
