import SegmentBase

/// The Davies–Bouldin index (Davies & Bouldin, "A cluster separation
/// measure", IEEE TPAMI 1(2), 1979): the mean over clusters of the worst ratio
/// of summed within-cluster scatter to centroid separation. Lower is better.
/// Noise rows (label < 0) are left out.
public enum DaviesBouldin {
    /// The index of `labels` on `data`, as scikit-learn's
    /// `davies_bouldin_score`; `nil` unless 2 ≤ clusters < rows.
    /// - Complexity: O(n × d + k² × d).
    public static func score(_ data: Matrix, labels: [Int]) -> Double? {
        let grouped = LabelledRows(labels: labels)
        guard grouped.isScorable else { return nil }
        let k = grouped.clusterCount
        let centroids = grouped.centroids(of: data)
        var scatter = [Double](repeating: 0, count: k)
        for (position, row) in grouped.rows.enumerated() {
            let cluster = grouped.clusterOfRow[position]
            var squared = 0.0
            for feature in 0..<data.columns {
                let difference = data[row, feature] - centroids[cluster, feature]
                squared += difference * difference
            }
            scatter[cluster] += squared.squareRoot()
        }
        for cluster in 0..<k { scatter[cluster] /= Double(grouped.sizes[cluster]) }
        var separation = [Double](repeating: 0, count: k * k)
        for a in 0..<k {
            for b in 0..<k {
                var squared = 0.0
                for feature in 0..<data.columns {
                    let difference = centroids[a, feature] - centroids[b, feature]
                    squared += difference * difference
                }
                separation[a * k + b] = squared.squareRoot()
            }
        }
        if scatter.allSatisfy({ isNearlyZero($0) }) || separation.allSatisfy({ isNearlyZero($0) }) { return 0 }
        var total = 0.0
        for a in 0..<k {
            var worst = 0.0
            for b in 0..<k where b != a {
                let distance = separation[a * k + b]
                let ratio = distance == 0 ? 0 : (scatter[a] + scatter[b]) / distance
                worst = max(worst, ratio)
            }
            total += worst
        }
        return total / Double(k)
    }

    /// NumPy's `allclose(value, 0)` test for one value (`atol = 1e-8`).
    private static func isNearlyZero(_ value: Double) -> Bool { abs(value) <= 1e-8 }
}
