import SegmentBase

extension RuleTree {
    /// One segment described by the tree: the leaves that predict it, each
    /// as the fewest conditions that say the same, and how well they fit.
    public struct SegmentRule: Sendable {
        /// The segment.
        public var segment: Int
        /// One list of conditions per leaf predicting the segment (a rule is
        /// their "or"); empty when no leaf predicts it.
        public var alternatives: [[Condition]]
        /// The share of all rows that the rule covers.
        public var support: Double
        /// The share of the rule's rows that are in the segment (0 without a rule).
        public var precision: Double
        /// The share of the segment's rows that the rule covers.
        public var recall: Double
        /// Each feature's share of the impurity decrease of the splits on
        /// the paths to the segment's leaves (summing to 1; all 0 without a split).
        public var importance: [Double]
    }

    /// Every segment's rule, in segment order.
    public var segmentRules: [SegmentRule] {
        let total = Double(max(1, segmentSizes.reduce(0, +)))
        return segmentSizes.indices.map { segment in
            let predicting = leaves.filter { $0.segment == segment }
            let rows = predicting.reduce(0) { $0 + $1.rows }, correct = predicting.reduce(0) { $0 + $1.correct }
            var importance = [Double](repeating: 0, count: features.count)
            for leaf in predicting {
                for step in leaf.pathGains { importance[step.feature] += step.gain }
            }
            let sum = importance.reduce(0, +)
            return SegmentRule(segment: segment, alternatives: predicting.map { Self.simplified($0.conditions) },
                               support: Double(rows) / total,
                               precision: rows == 0 ? 0 : Double(correct) / Double(rows),
                               recall: segmentSizes[segment] == 0 ? 0 : Double(correct) / Double(segmentSizes[segment]),
                               importance: sum > 0 ? importance.map { $0 / sum } : importance)
        }
    }

    /// `conditions` with, per numeric feature, only the tightest lower and
    /// upper bound, and per categorical feature an `equals` in place of the
    /// `differs` it implies; in the order each feature first appears.
    public static func simplified(_ conditions: [Condition]) -> [Condition] {
        var order: [Int] = []
        var lower: [Int: Double] = [:], upper: [Int: Double] = [:], equal: [Int: Int] = [:], different: [Int: [Int]] = [:]
        func note(_ feature: Int) {
            if !order.contains(feature) { order.append(feature) }
        }
        for condition in conditions {
            switch condition {
            case .atLeast(let feature, let threshold):
                note(feature)
                lower[feature] = max(lower[feature] ?? -.infinity, threshold)
            case .below(let feature, let threshold):
                note(feature)
                upper[feature] = min(upper[feature] ?? .infinity, threshold)
            case .equals(let feature, let category):
                note(feature)
                equal[feature] = category
            case .differs(let feature, let category):
                note(feature)
                different[feature, default: []].append(category)
            }
        }
        return order.flatMap { feature -> [Condition] in
            if let category = equal[feature] { return [.equals(feature: feature, category: category)] }
            if let categories = different[feature] { return categories.map { .differs(feature: feature, category: $0) } }
            return [lower[feature].map { .atLeast(feature: feature, threshold: $0) },
                    upper[feature].map { .below(feature: feature, threshold: $0) }].compactMap { $0 }
        }
    }
}
