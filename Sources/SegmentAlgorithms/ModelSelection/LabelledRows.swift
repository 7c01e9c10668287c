import SegmentBase

/// The non-noise rows of a labelled data set grouped by cluster: the common
/// input of the internal validation indices. Noise rows (label < 0) are left out.
struct LabelledRows {
    /// Dense cluster index (`0..<clusterCount`) per kept row, in row order.
    let clusterOfRow: [Int]
    /// The data rows kept, in row order.
    let rows: [Int]
    /// Number of distinct clusters.
    let clusterCount: Int
    /// Rows per dense cluster.
    let sizes: [Int]

    /// Groups the rows of `labels` that are not noise.
    init(labels: [Int]) {
        var dense: [Int: Int] = [:]
        var clusterOfRow: [Int] = []
        var rows: [Int] = []
        var sizes: [Int] = []
        for (row, label) in labels.enumerated() where label >= 0 {
            let cluster: Int
            if let known = dense[label] {
                cluster = known
            } else {
                cluster = dense.count
                dense[label] = cluster
                sizes.append(0)
            }
            sizes[cluster] += 1
            clusterOfRow.append(cluster)
            rows.append(row)
        }
        self.clusterOfRow = clusterOfRow
        self.rows = rows
        self.sizes = sizes
        clusterCount = sizes.count
    }

    /// Whether an index comparing clusters is defined: at least two clusters
    /// and fewer clusters than rows (scikit-learn's `check_number_of_labels`).
    var isScorable: Bool { clusterCount >= 2 && clusterCount < rows.count }

    /// The mean of each cluster's rows of `data` (`clusterCount × columns`).
    func centroids(of data: Matrix) -> Matrix {
        var centroids = Matrix(rows: clusterCount, columns: data.columns)
        for (position, row) in rows.enumerated() {
            let cluster = clusterOfRow[position]
            for feature in 0..<data.columns { centroids[cluster, feature] += data[row, feature] }
        }
        for cluster in 0..<clusterCount {
            for feature in 0..<data.columns { centroids[cluster, feature] /= Double(sizes[cluster]) }
        }
        return centroids
    }

    /// The mean of all kept rows of `data`.
    func overallMean(of data: Matrix) -> [Double] {
        var mean = [Double](repeating: 0, count: data.columns)
        for row in rows {
            for feature in 0..<data.columns { mean[feature] += data[row, feature] }
        }
        return mean.map { $0 / Double(rows.count) }
    }
}
