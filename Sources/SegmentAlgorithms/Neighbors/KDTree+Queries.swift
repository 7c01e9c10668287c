import SegmentBase

/// The distance used by neighbourhood queries.
public enum DistanceMetric: String, CaseIterable, Sendable, Codable {
    /// `sqrt(Σ (a − b)²)`.
    case euclidean
    /// `Σ |a − b|` (city block).
    case manhattan
}

/// Radius and k-nearest-neighbour queries. Distances are compared in a
/// "reduced" form — squared for Euclidean, plain for Manhattan — summed
/// coordinate by coordinate in order, as scikit-learn's trees do, so a
/// point at exactly the radius counts as inside on both sides.
extension KDTree {
    /// The reduced form of `radius` under `metric`.
    @inline(__always)
    static func reduced(_ radius: Double, _ metric: DistanceMetric) -> Double {
        metric == .euclidean ? radius * radius : radius
    }

    /// The reduced distance between two points.
    @inline(__always)
    static func reducedDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, dimension: Int, metric: DistanceMetric) -> Double {
        metric == .euclidean
            ? DistanceKernels.squaredEuclideanInOrder(a, b, count: dimension)
            : DistanceKernels.manhattanInOrder(a, b, count: dimension)
    }

    /// The smallest and largest reduced distance from `query` to node's box.
    @inline(__always)
    static func boxDistances(
        _ query: UnsafePointer<Double>, box: UnsafePointer<Double>, dimension d: Int, metric: DistanceMetric
    ) -> (near: Double, far: Double) {
        var near = 0.0, far = 0.0
        for j in 0..<d {
            let below = box[j] - query[j], above = query[j] - box[d + j]
            let gap = max(0, max(below, above))
            let reach = max(abs(query[j] - box[j]), abs(query[j] - box[d + j]))
            if metric == .euclidean {
                near += gap * gap
                far += reach * reach
            } else {
                near += gap
                far += reach
            }
        }
        return (near, far)
    }

    /// Counts tree points within `radius` (reduced) of `query`, stopping once
    /// `limit` is reached.
    ///
    /// - Parameters:
    ///   - query: `dimension` coordinates.
    ///   - radius: the reduced radius (see `reduced(_:_:)`).
    ///   - stack: scratch space reused between calls.
    func count(
        within radius: Double, of query: UnsafePointer<Double>, metric: DistanceMetric, limit: Int,
        points: UnsafePointer<Double>, bounds: UnsafePointer<Double>, stack: inout [Int]
    ) -> Int {
        let d = dimension
        var found = 0
        stack.removeAll(keepingCapacity: true)
        stack.append(0)
        while let node = stack.popLast() {
            let box = KDTree.boxDistances(query, box: bounds + node * 2 * d, dimension: d, metric: metric)
            if box.near > radius { continue }
            if box.far <= radius {
                found += end[node] - start[node]
            } else if 2 * node + 1 >= nodeCount {
                for position in start[node]..<end[node]
                where KDTree.reducedDistance(query, points + position * d, dimension: d, metric: metric) <= radius {
                    found += 1
                }
            } else {
                stack.append(2 * node + 2)
                stack.append(2 * node + 1)
            }
            if found >= limit { return found }
        }
        return found
    }

    /// Collects the tree positions `≥ minimumPosition` within `radius`
    /// (reduced) of `query` into `neighbors` (cleared first).
    func neighbors(
        within radius: Double, of query: UnsafePointer<Double>, metric: DistanceMetric, minimumPosition: Int,
        points: UnsafePointer<Double>, bounds: UnsafePointer<Double>, stack: inout [Int], into neighbors: inout [Int]
    ) {
        let d = dimension
        neighbors.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        stack.append(0)
        while let node = stack.popLast() {
            if end[node] <= minimumPosition { continue }
            let box = KDTree.boxDistances(query, box: bounds + node * 2 * d, dimension: d, metric: metric)
            if box.near > radius { continue }
            let first = max(start[node], minimumPosition)
            if box.far <= radius {
                neighbors.append(contentsOf: first..<end[node])
            } else if 2 * node + 1 >= nodeCount {
                for position in first..<end[node]
                where KDTree.reducedDistance(query, points + position * d, dimension: d, metric: metric) <= radius {
                    neighbors.append(position)
                }
            } else {
                stack.append(2 * node + 2)
                stack.append(2 * node + 1)
            }
        }
    }

    /// The reduced distance from `query` to its `k`-th nearest tree point
    /// (the point itself counts when it is in the tree).
    /// - Parameter nearest: scratch of at least `k` values, reused between calls.
    func kthNearestDistance(
        _ k: Int, of query: UnsafePointer<Double>, metric: DistanceMetric,
        points: UnsafePointer<Double>, bounds: UnsafePointer<Double>, stack: inout [Int], nearest: inout [Double]
    ) -> Double {
        let d = dimension
        // `nearest` holds the k smallest distances so far, ascending.
        for i in 0..<k { nearest[i] = .infinity }
        stack.removeAll(keepingCapacity: true)
        stack.append(0)
        while let node = stack.popLast() {
            let box = KDTree.boxDistances(query, box: bounds + node * 2 * d, dimension: d, metric: metric)
            if box.near > nearest[k - 1] { continue }
            if 2 * node + 1 >= nodeCount {
                for position in start[node]..<end[node] {
                    let value = KDTree.reducedDistance(query, points + position * d, dimension: d, metric: metric)
                    if value >= nearest[k - 1] { continue }
                    var slot = k - 1
                    while slot > 0 && nearest[slot - 1] > value {
                        nearest[slot] = nearest[slot - 1]
                        slot -= 1
                    }
                    nearest[slot] = value
                }
            } else {
                // Visit the child whose box is nearer first (pushed last).
                let left = 2 * node + 1, right = left + 1
                let leftNear = KDTree.boxDistances(query, box: bounds + left * 2 * d, dimension: d, metric: metric).near
                let rightNear = KDTree.boxDistances(query, box: bounds + right * 2 * d, dimension: d, metric: metric).near
                if leftNear <= rightNear {
                    stack.append(right)
                    stack.append(left)
                } else {
                    stack.append(left)
                    stack.append(right)
                }
            }
        }
        return nearest[k - 1]
    }
}
