import Foundation
import SegmentBase

/// External agreement between two partitions of the same rows: the adjusted
/// Rand index (Hubert & Arabie, "Comparing partitions", J. Classification 2,
/// 1985) and normalised mutual information with arithmetic-mean
/// normalisation (Vinh, Epps & Bailey, JMLR 11, 2010), as scikit-learn's
/// `adjusted_rand_score` and `normalized_mutual_info_score`.
public struct ClusterAgreement: Sendable {
    /// The contingency table: `counts[a * columnCount + b]` rows in class a of
    /// the first partition and class b of the second.
    let counts: [Int]
    let rowCount: Int
    let columnCount: Int
    let total: Int

    /// Tabulates two labelings of the same rows (any hashable labels).
    public init<A: Hashable, B: Hashable>(_ first: [A], _ second: [B]) {
        precondition(first.count == second.count, "both labelings must cover the same rows")
        let (a, rowCount) = ClusterAgreement.denseIndices(first)
        let (b, columnCount) = ClusterAgreement.denseIndices(second)
        self.rowCount = rowCount
        self.columnCount = columnCount
        total = first.count
        var counts = [Int](repeating: 0, count: rowCount * columnCount)
        for index in a.indices { counts[a[index] * columnCount + b[index]] += 1 }
        self.counts = counts
    }

    /// Each label's class number, in order of first appearance, and the number of classes.
    private static func denseIndices<Label: Hashable>(_ labels: [Label]) -> (indices: [Int], count: Int) {
        var index: [Label: Int] = [:]
        let indices = labels.map { label in
            if let known = index[label] { return known }
            index[label] = index.count
            return index.count - 1
        }
        return (indices, index.count)
    }

    private var rowSums: [Int] { (0..<rowCount).map { row in (0..<columnCount).reduce(0) { $0 + counts[row * columnCount + $1] } } }
    private var columnSums: [Int] { (0..<columnCount).map { column in (0..<rowCount).reduce(0) { $0 + counts[$1 * columnCount + column] } } }

    /// The adjusted Rand index: 1 for identical partitions, about 0 for
    /// independent ones.
    public var adjustedRandIndex: Double {
        func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
        let index = counts.reduce(0.0) { $0 + pairs($1) }
        let first = rowSums.reduce(0.0) { $0 + pairs($1) }
        let second = columnSums.reduce(0.0) { $0 + pairs($1) }
        let expected = first * second / pairs(total)
        let maximum = (first + second) / 2
        if maximum == expected { return 1 }
        return (index - expected) / (maximum - expected)
    }

    /// Normalised mutual information, MI / mean(H(first), H(second)):
    /// 1 for identical partitions, 0 for independent ones.
    public var normalizedMutualInformation: Double {
        if rowCount == columnCount && rowCount <= 1 { return 1 }
        let n = Double(total)
        let rows = rowSums, columns = columnSums
        var information = 0.0
        for row in 0..<rowCount {
            for column in 0..<columnCount where counts[row * columnCount + column] > 0 {
                let joint = Double(counts[row * columnCount + column])
                information += joint / n * log(joint * n / (Double(rows[row]) * Double(columns[column])))
            }
        }
        information = max(information, 0)
        if information == 0 { return 0 }
        func entropy(_ sizes: [Int]) -> Double {
            sizes.reduce(0.0) { sum, size in size == 0 ? sum : sum - Double(size) / n * log(Double(size) / n) }
        }
        let normaliser = max((entropy(rows) + entropy(columns)) / 2, Double.ulpOfOne)
        return information / normaliser
    }
}
