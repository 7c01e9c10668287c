import SegmentBase

/// The silhouette coefficient (Rousseeuw, "Silhouettes: a graphical aid to
/// the interpretation and validation of cluster analysis", J. Comput. Appl.
/// Math. 20, 1987), computed exactly with Euclidean distances.
///
/// For row i in cluster A, a(i) is its mean distance to the other rows of A
/// and b(i) the smallest mean distance to the rows of another cluster;
/// s(i) = (b − a) / max(a, b), and 0 for a row alone in its cluster (as
/// scikit-learn's `silhouette_samples`). Noise rows (label < 0) are left out.
///
/// The rows are sorted by cluster into a feature-major copy, so each row's
/// distances to a whole cluster are summed eight at a time in `SIMD8` lanes.
/// No n × n matrix is formed: memory is O(n × d), time O(n² × d), spread
/// over fixed chunks of rows (the same result for any thread count).
public enum Silhouette {
    /// Rows per parallel chunk.
    static let chunkSize = 256

    /// The mean silhouette of `labels` on `data`; `nil` unless
    /// 2 ≤ clusters < rows (noise excluded).
    public static func score(_ data: Matrix, labels: [Int], threads: Int = availableCores) -> Double? {
        guard let values = samples(data, labels: labels, threads: threads) else { return nil }
        let kept = labels.indices.filter { labels[$0] >= 0 }
        return kept.reduce(0.0) { $0 + values[$1] } / Double(kept.count)
    }

    /// The mean silhouette of a random subset of at most `maximumRows` rows
    /// (all rows when there are fewer), chosen by `seed`; `nil` when undefined.
    /// Exact silhouette costs O(n²), so large inputs are scored on a sample,
    /// as scikit-learn's `silhouette_score(sample_size=)`.
    public static func sampledScore(_ data: Matrix, labels: [Int], maximumRows: Int, seed: UInt64, threads: Int = availableCores) -> Double? {
        guard data.rows > maximumRows else { return score(data, labels: labels, threads: threads) }
        let chosen = sampleRows(count: data.rows, maximumRows: maximumRows, seed: seed)
        return score(data.selectingRows(chosen), labels: chosen.map { labels[$0] }, threads: threads)
    }

    /// The rows a sampled silhouette uses: all `count` rows when there are at
    /// most `maximumRows`, else `maximumRows` of them drawn without
    /// replacement by a partial Fisher–Yates shuffle seeded with `seed`, in
    /// increasing order.
    public static func sampleRows(count: Int, maximumRows: Int, seed: UInt64) -> [Int] {
        guard count > maximumRows else { return Array(0..<count) }
        var rng = SplitMix64(seed: seed)
        var indices = Array(0..<count)
        for position in 0..<maximumRows {
            indices.swapAt(position, Int.random(in: position..<count, using: &rng))
        }
        return indices[0..<maximumRows].sorted()
    }

    /// The silhouette of every row (0 for noise rows); `nil` unless
    /// 2 ≤ clusters < rows.
    public static func samples(_ data: Matrix, labels: [Int], threads: Int = availableCores) -> [Double]? {
        precondition(labels.count == data.rows, "one label per row")
        let grouped = LabelledRows(labels: labels)
        guard grouped.isScorable else { return nil }
        let m = grouped.rows.count, width = data.columns, k = grouped.clusterCount
        var starts = [Int](repeating: 0, count: k + 1)
        for cluster in 0..<k { starts[cluster + 1] = starts[cluster] + grouped.sizes[cluster] }
        // Feature-major copy sorted by cluster; sortedRows[p] is the row at position p.
        var next = Array(starts[0..<k])
        var sortedRows = [Int](repeating: 0, count: m)
        var columns = [Double](repeating: 0, count: m * width)
        for (position, row) in grouped.rows.enumerated() {
            let cluster = grouped.clusterOfRow[position]
            let target = next[cluster]
            next[cluster] += 1
            sortedRows[target] = row
            for feature in 0..<width { columns[feature * m + target] = data[row, feature] }
        }
        var sorted = [Double](repeating: 0, count: m)
        let chunks = ParallelChunks(count: m, chunkSize: chunkSize, threads: threads)
        columns.withUnsafeBufferPointer { columns in
            sorted.withUnsafeMutableBufferPointer { output in
                starts.withUnsafeBufferPointer { starts in
                    // Each chunk writes only its own positions of `output`.
                    let shared = UncheckedSendable((columns.baseAddress!, output.baseAddress!, starts.baseAddress!))
                    chunks.forEachChunk { _, positions in
                        let (columns, output, starts) = shared.value
                        let point = UnsafeMutablePointer<Double>.allocate(capacity: width)
                        defer { point.deallocate() }
                        var cluster = 0
                        for position in positions {
                            while starts[cluster + 1] <= position { cluster += 1 }
                            for feature in 0..<width { point[feature] = columns[feature * m + position] }
                            output[position] = silhouette(of: point, in: cluster, columns: columns, rowCount: m,
                                                          width: width, starts: starts, clusterCount: k)
                        }
                    }
                }
            }
        }
        var values = [Double](repeating: 0, count: data.rows)
        for (position, row) in sortedRows.enumerated() { values[row] = sorted[position] }
        return values
    }

    /// s(i) for one point of cluster `own`.
    @inline(__always)
    static func silhouette(of point: UnsafePointer<Double>, in own: Int, columns: UnsafePointer<Double>, rowCount: Int,
                           width: Int, starts: UnsafePointer<Int>, clusterCount: Int) -> Double {
        let ownSize = starts[own + 1] - starts[own]
        if ownSize <= 1 { return 0 }
        var nearestOther = Double.infinity
        var intra = 0.0
        for cluster in 0..<clusterCount {
            let sum = distanceSum(from: point, to: starts[cluster]..<starts[cluster + 1], columns: columns, rowCount: rowCount, width: width)
            if cluster == own {
                intra = sum / Double(ownSize - 1)
            } else {
                nearestOther = min(nearestOther, sum / Double(starts[cluster + 1] - starts[cluster]))
            }
        }
        let denominator = max(intra, nearestOther)
        return denominator > 0 ? (nearestOther - intra) / denominator : 0
    }

    /// The sum of Euclidean distances from `point` to the rows at `positions`
    /// of the feature-major `columns`, eight rows per lane.
    @inline(__always)
    static func distanceSum(from point: UnsafePointer<Double>, to positions: Range<Int>, columns: UnsafePointer<Double>,
                            rowCount: Int, width: Int) -> Double {
        var lanes = SIMD8<Double>(repeating: 0)
        var position = positions.lowerBound
        while position + 8 <= positions.upperBound {
            var squared = SIMD8<Double>(repeating: 0)
            for feature in 0..<width {
                let values = UnsafeRawPointer(columns + feature * rowCount + position).loadUnaligned(as: SIMD8<Double>.self)
                let difference = values - SIMD8<Double>(repeating: point[feature])
                squared = squared + difference * difference
            }
            lanes = lanes + squared.squareRoot()
            position += 8
        }
        var sum = lanes.sum()
        while position < positions.upperBound {
            var squared = 0.0
            for feature in 0..<width {
                let difference = columns[feature * rowCount + position] - point[feature]
                squared = squared + difference * difference
            }
            sum += squared.squareRoot()
            position += 1
        }
        return sum
    }
}
