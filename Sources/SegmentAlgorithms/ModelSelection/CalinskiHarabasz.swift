import SegmentBase

/// The Calinski–Harabasz index (Caliński & Harabasz, "A dendrite method for
/// cluster analysis", Communications in Statistics 3(1), 1974): the ratio of
/// between-cluster to within-cluster dispersion, each divided by its degrees
/// of freedom. Higher is better. Noise rows (label < 0) are left out.
public enum CalinskiHarabasz {
    /// The index of `labels` on `data`, as scikit-learn's
    /// `calinski_harabasz_score`; `nil` unless 2 ≤ clusters < rows.
    /// - Complexity: O(n × d).
    public static func score(_ data: Matrix, labels: [Int]) -> Double? {
        let grouped = LabelledRows(labels: labels)
        guard grouped.isScorable else { return nil }
        let centroids = grouped.centroids(of: data)
        let mean = grouped.overallMean(of: data)
        var between = 0.0
        for cluster in 0..<grouped.clusterCount {
            var squared = 0.0
            for feature in 0..<data.columns {
                let difference = centroids[cluster, feature] - mean[feature]
                squared += difference * difference
            }
            between += Double(grouped.sizes[cluster]) * squared
        }
        var within = 0.0
        for (position, row) in grouped.rows.enumerated() {
            let cluster = grouped.clusterOfRow[position]
            for feature in 0..<data.columns {
                let difference = data[row, feature] - centroids[cluster, feature]
                within += difference * difference
            }
        }
        let n = Double(grouped.rows.count), k = Double(grouped.clusterCount)
        return within == 0 ? 1 : between * (n - k) / (within * (k - 1))
    }
}
