/// Customer value summed per segment: how many customers each segment has,
/// what they are worth together and on average, and how many are at risk.
public struct SegmentValueTable: Sendable {
    /// One segment's row.
    public struct Row: Sendable, Equatable {
        /// The segment label.
        public var segment: String
        /// Customers in the segment.
        public var customers: Int
        /// Their share of all customers.
        public var share: Double
        /// Their summed lifetime value.
        public var totalCLV: Double
        /// Their share of the summed lifetime value of all customers.
        public var clvShare: Double
        /// Their mean lifetime value.
        public var meanCLV: Double
        /// Their mean probability of being active.
        public var meanProbabilityAlive: Double
        /// Their summed expected transactions over the horizon.
        public var expectedPurchases: Double
        /// The share of them whose probability of being active is below `atRiskThreshold`.
        public var atRiskShare: Double
    }

    /// Below this probability of being active a customer counts as at risk.
    public static let atRiskThreshold = 0.5

    /// The rows, in the order of the segment labels given.
    public let rows: [Row]

    /// Sums `forecast` by `segmentOfCustomer` (an index into `labels`, −1
    /// for none: such customers form a last row labelled `unlabelled`).
    public init(labels: [String], segmentOfCustomer: [Int32], forecast: CustomerValueForecast) {
        let groups = labels.count + 1
        var customers = [Int](repeating: 0, count: groups)
        var clv = [Double](repeating: 0, count: groups), alive = clv, purchases = clv, atRisk = clv
        for (customer, segment) in segmentOfCustomer.enumerated() {
            let group = segment < 0 ? labels.count : Int(segment)
            customers[group] += 1
            clv[group] += forecast.clv?[customer] ?? 0
            alive[group] += forecast.probabilityAlive[customer]
            purchases[group] += forecast.expectedPurchases[customer]
            if forecast.probabilityAlive[customer] < Self.atRiskThreshold { atRisk[group] += 1 }
        }
        let totalCustomers = Double(max(segmentOfCustomer.count, 1))
        let totalCLV = clv.reduce(0, +)
        rows = (0..<groups).compactMap { group in
            let count = customers[group]
            if count == 0 && group == labels.count { return nil }
            let size = Double(max(count, 1))
            return Row(segment: group < labels.count ? labels[group] : "unlabelled", customers: count,
                       share: Double(count) / totalCustomers, totalCLV: clv[group],
                       clvShare: totalCLV > 0 ? clv[group] / totalCLV : 0, meanCLV: clv[group] / size,
                       meanProbabilityAlive: alive[group] / size, expectedPurchases: purchases[group],
                       atRiskShare: atRisk[group] / size)
        }
    }
}
