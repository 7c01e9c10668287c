import SegmentBase

/// A k-d tree over the rows of a matrix for radius and k-nearest-neighbour
/// queries under the Euclidean or Manhattan metric.
///
/// Bentley, "Multidimensional binary search trees used for associative
/// searching" (CACM 1975), built as scikit-learn's `KDTree`: nodes split the
/// widest dimension at the median, leaves hold up to `leafSize` points, and
/// every node keeps its bounding box so whole subtrees are pruned (too far)
/// or taken without distance computations (entirely inside the radius).
/// The points are copied in tree order, so a node's points are one
/// contiguous block: building takes `O(n log n)` time and `O(n·d)` memory.
struct KDTree: Sendable {
    /// Number of points.
    let count: Int
    /// Number of coordinates per point.
    let dimension: Int
    /// The points in tree order, row-major.
    let points: [Double]
    /// `rowOfPosition[p]`: the matrix row of the point at tree position `p`.
    let rowOfPosition: [Int]
    /// Node `i` covers positions `start[i]..<end[i]`; children are `2i+1`, `2i+2`.
    let start: [Int], end: [Int]
    /// Per node, the lower then the upper corner of its bounding box (`2·d` values).
    let bounds: [Double]
    /// Number of nodes; node `i` is a leaf when `2i + 1 >= nodeCount`.
    let nodeCount: Int

    /// Builds the tree over the rows of `matrix`.
    init(_ matrix: Matrix, leafSize: Int = 32) {
        let n = matrix.rows, d = matrix.columns
        count = n
        dimension = d
        var levels = 1
        while (n >> levels) >= leafSize { levels += 1 }
        let nodeCount = (1 << levels) - 1
        self.nodeCount = nodeCount
        var order = Array(0..<n)
        var start = [Int](repeating: 0, count: nodeCount), end = [Int](repeating: 0, count: nodeCount)
        var bounds = [Double](repeating: 0, count: nodeCount * 2 * d)
        matrix.storage.withUnsafeBufferPointer { source in
            for node in 0..<nodeCount {
                if node == 0 {
                    start[0] = 0
                    end[0] = n
                }
                let lower = start[node], upper = end[node]
                var widest = 0, widestSpread = -1.0
                for j in 0..<d {
                    var low = Double.infinity, high = -Double.infinity
                    for position in lower..<upper {
                        let value = source[order[position] * d + j]
                        low = min(low, value)
                        high = max(high, value)
                    }
                    bounds[node * 2 * d + j] = low
                    bounds[node * 2 * d + d + j] = high
                    if high - low > widestSpread {
                        widestSpread = high - low
                        widest = j
                    }
                }
                let left = 2 * node + 1
                guard left < nodeCount else { continue }
                let middle = (lower + upper) / 2
                if middle > lower && middle < upper {
                    KDTree.select(&order, lower..<upper, nth: middle) { source[$0 * d + widest] }
                }
                start[left] = lower
                end[left] = middle
                start[left + 1] = middle
                end[left + 1] = upper
            }
        }
        var points = [Double](repeating: 0, count: n * d)
        for (position, row) in order.enumerated() {
            for j in 0..<d { points[position * d + j] = matrix.storage[row * d + j] }
        }
        self.points = points
        self.rowOfPosition = order
        self.start = start
        self.end = end
        self.bounds = bounds
    }

    /// Reorders `order[range]` so that position `nth` holds the element whose
    /// key would sit there after sorting, smaller keys before it and larger after
    /// (Hoare's quickselect with a median-of-three pivot; ties by row).
    private static func select(_ order: inout [Int], _ range: Range<Int>, nth: Int, key: (Int) -> Double) {
        var low = range.lowerBound, high = range.upperBound - 1
        @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
            let ka = key(a), kb = key(b)
            return ka < kb || (ka == kb && a < b)
        }
        while high > low {
            let middle = (low + high) / 2
            if less(order[middle], order[low]) { order.swapAt(middle, low) }
            if less(order[high], order[low]) { order.swapAt(high, low) }
            if less(order[high], order[middle]) { order.swapAt(high, middle) }
            let pivot = order[middle]
            var i = low, j = high
            while i <= j {
                while less(order[i], pivot) { i += 1 }
                while less(pivot, order[j]) { j -= 1 }
                if i <= j {
                    order.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if nth <= j { high = j } else if nth >= i { low = i } else { return }
        }
    }
}
