/// Ward's method by the nearest-neighbour chain on cluster centroids
/// (Müllner 2011, section 3.2 and fastcluster's `linkage_vector`), in
/// `O(n·d)` memory. The scan order, tie rules and slot reuse follow SciPy's
/// `_hierarchy.nn_chain`: the merged cluster keeps the larger slot, searches
/// take the first minimum in slot order, and the chain's previous element
/// wins ties.
///
/// The centroids live column by column (`coordinates[j·capacity + p]`) in a
/// compact list of live slots, so one search computes eight clusters'
/// distances per SIMD lane with no horizontal sums; the list is compacted
/// (order kept) whenever half of it is dead.
extension Agglomerative {
    /// Compact positions per block of a search.
    private static let wardBlock = 256

    /// The live clusters' centroids and sizes, in slot order.
    private struct WardState {
        /// Room per coordinate column (a multiple of 8).
        let capacity: Int
        /// Number of coordinates.
        let dimension: Int
        /// Positions in use (live or dead); padded to a multiple of 8 with size 0.
        var length: Int
        /// Live clusters.
        var live: Int
        /// `coordinates[j·capacity + p]`: coordinate `j` of the centroid at position `p`.
        var coordinates: [Double]
        /// Cluster size at each position; 0 marks a dead or padding position.
        var sizes: [Double]
        /// The slot (original point index) at each position.
        var slots: [Int]
        /// The position of each live slot.
        var positionOfSlot: [Int]

        init(_ points: Matrix) {
            let n = points.rows, d = points.columns
            capacity = (n + 7) / 8 * 8
            dimension = d
            length = capacity
            live = n
            coordinates = [Double](repeating: 0, count: capacity * d)
            for p in 0..<n { for j in 0..<d { coordinates[j * capacity + p] = points.storage[p * d + j] } }
            sizes = [Double](repeating: 0, count: capacity)
            for p in 0..<n { sizes[p] = 1 }
            slots = Array(0..<capacity)
            positionOfSlot = Array(0..<n)
        }

        /// Moves the live positions to the front, keeping their order.
        mutating func compact() {
            var target = 0
            for source in 0..<length where sizes[source] > 0 {
                if target != source {
                    for j in 0..<dimension { coordinates[j * capacity + target] = coordinates[j * capacity + source] }
                    sizes[target] = sizes[source]
                    slots[target] = slots[source]
                }
                positionOfSlot[slots[target]] = target
                target += 1
            }
            length = (target + 7) / 8 * 8
            for p in target..<length { sizes[p] = 0 }
        }
    }

    /// Ward linkage; merge heights are `sqrt(2·|A||B|/(|A|+|B|))·‖c_A − c_B‖`, SciPy's Ward distance.
    /// - Parameter parallelAbove: positions from which a search is split over threads.
    static func wardChain(_ points: Matrix, threads: Int, parallelAbove: Int = 8192) -> [(a: Int, b: Int, distance: Double)] {
        let n = points.rows, d = points.columns
        var state = WardState(points)
        var chain: [Int] = []
        chain.reserveCapacity(n)
        var merges: [(a: Int, b: Int, distance: Double)] = []
        merges.reserveCapacity(max(0, n - 1))
        for _ in 0..<max(0, n - 1) {
            if chain.isEmpty {
                let first = state.sizes.firstIndex { $0 > 0 }!
                chain.append(state.slots[first])
            }
            var x = 0, y = 0, height = 0.0
            while true {
                x = chain[chain.count - 1]
                let nearest = nearestWard(to: state.positionOfSlot[x], in: &state, threads: threads, parallelAbove: parallelAbove)
                if chain.count > 1 {
                    let previous = chain[chain.count - 2]
                    let previousValue = wardValue(state.positionOfSlot[x], state.positionOfSlot[previous], in: state)
                    if previousValue <= nearest.value {
                        y = previous
                        height = previousValue
                        break
                    }
                }
                chain.append(state.slots[nearest.position])
            }
            chain.removeLast(2)
            if x > y { swap(&x, &y) }
            let px = state.positionOfSlot[x], py = state.positionOfSlot[y]
            let nx = state.sizes[px], ny = state.sizes[py], total = nx + ny
            merges.append((x, y, height.squareRoot()))
            for j in 0..<d {
                let column = j * state.capacity
                state.coordinates[column + py] = (nx * state.coordinates[column + px] + ny * state.coordinates[column + py]) / total
            }
            state.sizes[py] = total
            state.sizes[px] = 0
            state.live -= 1
            if state.live * 2 < state.length && state.length > 64 { state.compact() }
        }
        return merges
    }

    /// The squared Ward value between the clusters at positions `a` and `b`,
    /// with exactly the operations of the search kernel.
    private static func wardValue(_ a: Int, _ b: Int, in state: WardState) -> Double {
        var sum = 0.0
        for j in 0..<state.dimension {
            let difference = state.coordinates[j * state.capacity + b] - state.coordinates[j * state.capacity + a]
            sum += difference * difference
        }
        let na = state.sizes[a], nb = state.sizes[b]
        return 2 * na * nb / (na + nb) * sum
    }

    /// The first position (in slot order) with the smallest Ward value to position `x`.
    private static func nearestWard(
        to x: Int, in state: inout WardState, threads: Int, parallelAbove: Int
    ) -> (value: Double, position: Int) {
        let nx = state.sizes[x], d = state.dimension, capacity = state.capacity
        var center = [Double](repeating: 0, count: d)
        for j in 0..<d { center[j] = state.coordinates[j * capacity + x] }
        state.sizes[x] = 0  // hide x from its own search
        defer { state.sizes[x] = nx }
        let count = state.length / 8
        return state.coordinates.withUnsafeBufferPointer { coordinates in
            state.sizes.withUnsafeBufferPointer { sizes in
                center.withUnsafeBufferPointer { center in
                    let shared = UncheckedSendable((coordinates.baseAddress!, sizes.baseAddress!, center.baseAddress!))
                    let found = firstMinimum(count: count, threads: threads, parallelAbove: max(1, parallelAbove / 8),
                                             chunkSize: 512) { octets in
                        let (coordinates, sizes, center) = shared.value
                        return withUnsafeTemporaryAllocation(of: Double.self, capacity: wardBlock) { scratch in
                            wardBlockMinimum(octets: octets, nx: nx, center: center, coordinates: coordinates, capacity: capacity,
                                             dimension: d, sizes: sizes, values: scratch.baseAddress!)
                        }
                    }
                    return (found.value, found.slot)
                }
            }
        }
    }

    /// The first minimum of the Ward value to `center` (a cluster of `nx`
    /// points) over positions `8·octets.lowerBound ..< 8·octets.upperBound`,
    /// eight positions at a time in two independent SIMD accumulators, a
    /// block of values at a time.
    @inline(__always)
    private static func wardBlockMinimum(
        octets: Range<Int>, nx: Double, center: UnsafePointer<Double>, coordinates: UnsafePointer<Double>, capacity: Int,
        dimension d: Int, sizes: UnsafePointer<Double>, values: UnsafeMutablePointer<Double>
    ) -> (value: Double, slot: Int) {
        let twiceNx = SIMD4<Double>(repeating: 2 * nx), nxVector = SIMD4<Double>(repeating: nx)
        let infinity = SIMD4<Double>(repeating: .infinity)
        var best = Double.infinity, bestPosition = -1
        var blockStart = octets.lowerBound * 8
        let end = octets.upperBound * 8
        while blockStart < end {
            let count = min(wardBlock, end - blockStart)
            var lanes = infinity
            var t = 0
            while t < count {
                let p = blockStart + t
                var low = SIMD4<Double>.zero, high = SIMD4<Double>.zero
                var column = UnsafeRawPointer(coordinates + p)
                for j in 0..<d {
                    let coordinate = SIMD4<Double>(repeating: center[j])
                    let first = column.loadUnaligned(as: SIMD4<Double>.self) - coordinate
                    let second = column.loadUnaligned(fromByteOffset: 32, as: SIMD4<Double>.self) - coordinate
                    low += first * first
                    high += second * second
                    column += capacity &* 8
                }
                let sizeLow = UnsafeRawPointer(sizes + p).loadUnaligned(as: SIMD4<Double>.self)
                let sizeHigh = UnsafeRawPointer(sizes + p + 4).loadUnaligned(as: SIMD4<Double>.self)
                var valueLow = twiceNx * sizeLow / (nxVector + sizeLow) * low
                var valueHigh = twiceNx * sizeHigh / (nxVector + sizeHigh) * high
                valueLow.replace(with: infinity, where: sizeLow .== 0)
                valueHigh.replace(with: infinity, where: sizeHigh .== 0)
                UnsafeMutableRawPointer(values + t).storeBytes(of: valueLow, as: SIMD4<Double>.self)
                UnsafeMutableRawPointer(values + t + 4).storeBytes(of: valueHigh, as: SIMD4<Double>.self)
                lanes = pointwiseMin(lanes, pointwiseMin(valueLow, valueHigh))
                t += 8
            }
            let blockMinimum = lanes.min()
            if blockMinimum < best {
                var first = 0
                while values[first] != blockMinimum { first += 1 }
                best = blockMinimum
                bestPosition = blockStart + first
            }
            blockStart += count
        }
        return (best, bestPosition)
    }
}
