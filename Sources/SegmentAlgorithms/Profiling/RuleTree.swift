import SegmentBase

/// A shallow threshold tree that tells the segments apart by the original
/// feature values (CART: Breiman et al. 1984, Gini impurity), grown best
/// first as scikit-learn's `DecisionTreeClassifier(max_leaf_nodes=…,
/// max_depth=…)`: the leaf whose best split lowers the weighted impurity
/// most is split next, until `maximumLeaves` leaves or no split helps.
///
/// Numeric splits are `x < t` / `x >= t` with `t` halfway between two
/// consecutive distinct values; a categorical split is one category against
/// the rest (`x = c` / `x != c`). Each leaf predicts its most frequent
/// segment (the smallest on a tie).
public struct RuleTree: Sendable {
    /// One feature the tree may split on.
    public enum Feature: Sendable {
        /// Numbers, one per row.
        case numeric(name: String, values: [Double])
        /// Category codes, one per row, and the category names they index.
        case categorical(name: String, codes: [Int], categories: [String])

        /// The feature's name.
        public var name: String {
            switch self {
            case .numeric(let name, _), .categorical(let name, _, _): return name
            }
        }
    }

    /// One test on a path from the root.
    public enum Condition: Sendable, Equatable {
        /// The feature the condition tests.
        public var feature: Int {
            switch self {
            case .below(let feature, _), .atLeast(let feature, _), .equals(let feature, _), .differs(let feature, _): return feature
            }
        }

        /// `feature < threshold`.
        case below(feature: Int, threshold: Double)
        /// `feature >= threshold`.
        case atLeast(feature: Int, threshold: Double)
        /// `feature = category`.
        case equals(feature: Int, category: Int)
        /// `feature != category`.
        case differs(feature: Int, category: Int)
    }

    /// A leaf: the path to it, the segment it predicts and its rows.
    public struct Leaf: Sendable {
        /// The conditions from the root, in order.
        public var conditions: [Condition]
        /// The predicted segment.
        public var segment: Int
        /// The rows in the leaf.
        public var rows: Int
        /// The rows of the predicted segment in the leaf.
        public var correct: Int
        /// For each split on the path: its feature and its impurity decrease
        /// weighted by the share of all rows it split (scikit-learn's
        /// `feature_importances_` terms).
        public var pathGains: [(feature: Int, gain: Double)]
    }

    /// The leaves, in the order of their paths (the `below`/`equals` side first).
    public var leaves: [Leaf]
    /// The features, as given.
    public var features: [Feature]
    /// Rows per segment.
    public var segmentSizes: [Int]

    /// The share of rows whose leaf predicts their segment.
    public var agreement: Double {
        Double(leaves.reduce(0) { $0 + $1.correct }) / Double(max(1, segmentSizes.reduce(0, +)))
    }

    /// Grows the tree on `features` (one value per row each) to predict
    /// `labels` (0..<segmentCount, one per row).
    /// - Parameters:
    ///   - maximumLeaves: the most leaves (at least 2).
    ///   - maximumDepth: the most conditions on a path (at least 1).
    public init(features: [Feature], labels: [Int], segmentCount: Int, maximumLeaves: Int, maximumDepth: Int) {
        self.features = features
        var sizes = [Int](repeating: 0, count: segmentCount)
        for label in labels { sizes[label] += 1 }
        segmentSizes = sizes
        struct Node {
            var rows: [Int]
            var conditions: [Condition]
            var pathGains: [(feature: Int, gain: Double)]
            var split: (gain: Double, yes: Condition, no: Condition, yesRows: [Int], noRows: [Int])?
        }
        func counts(_ rows: [Int]) -> [Int] {
            var counts = [Int](repeating: 0, count: segmentCount)
            for row in rows { counts[labels[row]] += 1 }
            return counts
        }
        func prepared(_ rows: [Int], _ conditions: [Condition], _ pathGains: [(feature: Int, gain: Double)]) -> Node {
            let split = conditions.count < maximumDepth ? Self.bestSplit(rows: rows, features: features, labels: labels, segments: segmentCount) : nil
            return Node(rows: rows, conditions: conditions, pathGains: pathGains, split: split)
        }
        // The leaves so far, in path order; the one whose split gains most is split next.
        var nodes = [prepared(Array(labels.indices), [], [])]
        while nodes.count < maximumLeaves {
            guard let best = nodes.indices.filter({ nodes[$0].split != nil }).max(by: { nodes[$0].split!.gain < nodes[$1].split!.gain
                || (nodes[$0].split!.gain == nodes[$1].split!.gain && $0 > $1) }) else { break }
            let node = nodes.remove(at: best), split = node.split!
            let gains = node.pathGains + [(split.yes.feature, split.gain * Double(node.rows.count) / Double(labels.count))]
            nodes.insert(contentsOf: [prepared(split.yesRows, node.conditions + [split.yes], gains),
                                      prepared(split.noRows, node.conditions + [split.no], gains)], at: best)
        }
        leaves = nodes.map { node in
            let counts = counts(node.rows)
            let segment = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
            return Leaf(conditions: node.conditions, segment: segment, rows: node.rows.count, correct: counts[segment],
                        pathGains: node.pathGains)
        }
    }

    /// The split of `rows` that lowers the weighted Gini impurity most, if any does.
    static func bestSplit(rows: [Int], features: [Feature], labels: [Int], segments: Int)
        -> (gain: Double, yes: Condition, no: Condition, yesRows: [Int], noRows: [Int])? {
        func gini(_ counts: [Int], _ total: Int) -> Double {
            guard total > 0 else { return 0 }
            return 1 - counts.reduce(0.0) { $0 + Double($1 * $1) } / Double(total * total)
        }
        var all = [Int](repeating: 0, count: segments)
        for row in rows { all[labels[row]] += 1 }
        let n = rows.count, parent = gini(all, n)
        guard parent > 0 else { return nil }
        var best: (gain: Double, yes: Condition, no: Condition)?
        func consider(_ gain: Double, _ yes: Condition, _ no: Condition) {
            if gain > 1e-12, best == nil || gain > best!.gain { best = (gain, yes, no) }
        }
        for (index, feature) in features.enumerated() {
            switch feature {
            case .numeric(_, let values):
                let order = rows.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
                var left = [Int](repeating: 0, count: segments)
                for position in 0..<(n - 1) {
                    left[labels[order[position]]] += 1
                    let here = values[order[position]], next = values[order[position + 1]]
                    guard here < next else { continue }
                    let leftCount = position + 1
                    let right = zip(all, left).map { $0 - $1 }
                    let impurity = (Double(leftCount) * gini(left, leftCount) + Double(n - leftCount) * gini(right, n - leftCount)) / Double(n)
                    let threshold = here + (next - here) / 2
                    consider(parent - impurity, .below(feature: index, threshold: threshold), .atLeast(feature: index, threshold: threshold))
                }
            case .categorical(_, let codes, let categories):
                var byCategory = [[Int]](repeating: [Int](repeating: 0, count: segments), count: categories.count)
                var sizes = [Int](repeating: 0, count: categories.count)
                for row in rows {
                    byCategory[codes[row]][labels[row]] += 1
                    sizes[codes[row]] += 1
                }
                for category in categories.indices where sizes[category] > 0 && sizes[category] < n {
                    let rest = zip(all, byCategory[category]).map { $0 - $1 }
                    let impurity = (Double(sizes[category]) * gini(byCategory[category], sizes[category])
                                    + Double(n - sizes[category]) * gini(rest, n - sizes[category])) / Double(n)
                    consider(parent - impurity, .equals(feature: index, category: category), .differs(feature: index, category: category))
                }
            }
        }
        guard let best else { return nil }
        let yesRows = rows.filter { Self.holds(best.yes, row: $0, features: features) }
        let noRows = rows.filter { !Self.holds(best.yes, row: $0, features: features) }
        return (best.gain, best.yes, best.no, yesRows, noRows)
    }

    /// Whether `condition` holds for `row`.
    public static func holds(_ condition: Condition, row: Int, features: [Feature]) -> Bool {
        switch condition {
        case .below(let feature, let threshold):
            guard case .numeric(_, let values) = features[feature] else { return false }
            return values[row] < threshold
        case .atLeast(let feature, let threshold):
            guard case .numeric(_, let values) = features[feature] else { return false }
            return values[row] >= threshold
        case .equals(let feature, let category):
            guard case .categorical(_, let codes, _) = features[feature] else { return false }
            return codes[row] == category
        case .differs(let feature, let category):
            guard case .categorical(_, let codes, _) = features[feature] else { return false }
            return codes[row] != category
        }
    }
}
