import SegmentBase

extension Clustering {
    /// The mean of each raw segment's rows (`count × d`), indexed by raw label;
    /// rows labelled below 0 (noise) are ignored, empty segments get zeros.
    static func segmentMeans(_ points: Matrix, rawLabels: [Int], count: Int) -> Matrix {
        let d = points.columns
        var sums = Matrix(rows: count, columns: d)
        var sizes = [Int](repeating: 0, count: count)
        points.storage.withUnsafeBufferPointer { source in
            sums.storage.withUnsafeMutableBufferPointer { target in
                for (row, label) in rawLabels.enumerated() where label >= 0 {
                    sizes[label] += 1
                    for j in 0..<d { target[label * d + j] += source[row * d + j] }
                }
            }
        }
        for label in 0..<count where sizes[label] > 0 {
            for j in 0..<d { sums[label, j] /= Double(sizes[label]) }
        }
        return sums
    }
}
