import SegmentBase

/// Ward's method on cluster centroids in `O(n·d)` memory, by Müllner's
/// generic algorithm as fastcluster's `linkage_vector` runs it (see
/// `wardLinkage`). As in SciPy, the merged cluster keeps the larger slot and
/// scans take the first minimum in slot order; on data without tied
/// distances the merges equal SciPy's nearest-neighbour chain.
///
/// The centroids live column by column (`coordinates[j·capacity + p]`) in a
/// compact list of live slots, so one scan computes eight clusters'
/// distances per SIMD lane with no horizontal sums; the list is compacted
/// (order kept) whenever an eighth of it is dead.
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
    ///
    /// Müllner's generic algorithm (2011, section 3.1; fastcluster's
    /// `generic_linkage_vector`): every cluster keeps a candidate nearest
    /// neighbour among the later slots and a lower bound of its distance in a
    /// priority queue. The smallest bound is checked and, when stale,
    /// recomputed; an exact smallest bound is the closest pair overall, which
    /// is merged into the later slot. Ward's reducibility keeps the other
    /// bounds valid, so in practice about one scan is needed per merge
    /// instead of the nearest-neighbour chain's three.
    /// - Parameter parallelAbove: positions from which a scan is split over threads.
    static func wardLinkage(_ points: Matrix, threads: Int, parallelAbove: Int = 8192) -> [(a: Int, b: Int, distance: Double)] {
        let n = points.rows, d = points.columns
        guard n > 1 else { return [] }
        var state = WardState(points)
        // neighbor[i] > i is i's candidate nearest later slot; bound[i] ≤ its Ward value.
        var neighbor = [Int](repeating: 0, count: n)
        var bound = [Double](repeating: .infinity, count: n)
        // Initial bounds: every slot's exact nearest later slot. Slots are
        // independent, so chunks of slots run in parallel; each writes only its
        // own entries.
        neighbor.withUnsafeMutableBufferPointer { neighborBuffer in
            bound.withUnsafeMutableBufferPointer { boundBuffer in
                let shared = UncheckedSendable((neighborBuffer, boundBuffer))
                let initial = state
                ParallelChunks(count: n - 1, chunkSize: 16, threads: threads).forEachChunk { _, slots in
                    let (neighbor, bound) = shared.value
                    for slot in slots {
                        let found = nearestWard(after: slot, in: initial, threads: 1, parallelAbove: .max)
                        neighbor[slot] = initial.slots[found.position]
                        bound[slot] = found.value
                    }
                }
            }
        }
        var scratch = [Double](repeating: 0, count: state.capacity)
        var queue = IndexedMinHeap(keys: bound)
        queue.remove(n - 1)
        var merges: [(a: Int, b: Int, distance: Double)] = []
        merges.reserveCapacity(n - 1)
        for _ in 0..<(n - 1) {
            var x = queue.top!
            while true {
                let exact = wardValue(state.positionOfSlot[x], state.positionOfSlot[neighbor[x]], in: state)
                if !(bound[x] < exact) { break }
                let found = nearestWard(after: state.positionOfSlot[x], in: state, threads: threads, parallelAbove: parallelAbove)
                neighbor[x] = state.slots[found.position]
                bound[x] = found.value
                queue.update(x, key: found.value)
                x = queue.top!
            }
            let y = neighbor[x]
            let px = state.positionOfSlot[x], py = state.positionOfSlot[y]
            let nx = state.sizes[px], ny = state.sizes[py], total = nx + ny
            merges.append((x, y, bound[x].squareRoot()))
            for j in 0..<d {
                let column = j * state.capacity
                state.coordinates[column + py] = (nx * state.coordinates[column + px] + ny * state.coordinates[column + py]) / total
            }
            state.sizes[py] = total
            state.sizes[px] = 0
            state.live -= 1
            queue.remove(x)
            // Clusters before x that pointed at x now point at the merged cluster;
            // their bounds stay valid because Ward's distance is reducible.
            for position in 0..<px where state.sizes[position] > 0 && neighbor[state.slots[position]] == x {
                neighbor[state.slots[position]] = y
            }
            // Clusters between x and y never saw x, so the merged cluster may be
            // nearer than their bound: lower it where it is.
            lowerBounds(between: px, and: py, in: state, threads: threads, parallelAbove: parallelAbove, scratch: &scratch) { slot, value in
                if value < bound[slot] {
                    bound[slot] = value
                    neighbor[slot] = y
                    queue.update(slot, key: value)
                }
            }
            let found = nearestWard(after: py, in: state, threads: threads, parallelAbove: parallelAbove)
            if found.position >= 0 {
                neighbor[y] = state.slots[found.position]
                bound[y] = found.value
                queue.update(y, key: found.value)
            } else {
                queue.remove(y)
            }
            if state.live * 8 < state.length * 7 && state.length > 64 { state.compact() }
        }
        return merges
    }

    /// Calls `body(slot, value)` for every live position strictly between `px`
    /// and `py`, with the Ward value between its cluster and the cluster at
    /// `py` — bit for bit the value a scan from that position would find.
    /// The values are computed into `scratch` (in parallel chunks when there
    /// are many), then handed to `body` in position order.
    private static func lowerBounds(
        between px: Int, and py: Int, in state: WardState, threads: Int, parallelAbove: Int,
        scratch: inout [Double], _ body: (_ slot: Int, _ value: Double) -> Void
    ) {
        let d = state.dimension, capacity = state.capacity, ny = state.sizes[py]
        let start = (px + 1) / 8 * 8, end = (py + 7) / 8 * 8
        guard start < end else { return }
        var center = [Double](repeating: 0, count: d)
        for j in 0..<d { center[j] = state.coordinates[j * capacity + py] }
        state.coordinates.withUnsafeBufferPointer { coordinates in
            state.sizes.withUnsafeBufferPointer { sizes in
                center.withUnsafeBufferPointer { center in
                    scratch.withUnsafeMutableBufferPointer { values in
                        // Each chunk writes only its own octets of `values`.
                        let shared = UncheckedSendable((coordinates.baseAddress!, sizes.baseAddress!, center.baseAddress!, values.baseAddress!))
                        let octets = (end - start) / 8
                        let chunks = ParallelChunks(count: octets, chunkSize: 512,
                                                    threads: octets * 8 >= parallelAbove ? threads : 1)
                        chunks.forEachChunk { _, range in
                            let (coordinates, sizes, center, values) = shared.value
                            let first = start + range.lowerBound * 8
                            wardValues(from: first, count: range.count * 8, nx: ny, center: center, coordinates: coordinates,
                                       capacity: capacity, dimension: d, sizes: sizes, values: values + first)
                        }
                    }
                }
                for position in (px + 1)..<py where sizes[position] > 0 {
                    body(state.slots[position], scratch[position])
                }
            }
        }
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

    /// The first live position after `x` (in slot order) with the smallest
    /// Ward value to the cluster at `x`, or `(∞, −1)` when there is none.
    private static func nearestWard(
        after x: Int, in state: WardState, threads: Int, parallelAbove: Int
    ) -> (value: Double, position: Int) {
        let nx = state.sizes[x], d = state.dimension, capacity = state.capacity
        let firstOctet = (x + 1) / 8, octets = state.length / 8
        guard firstOctet < octets else { return (.infinity, -1) }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: d) { center in
            for j in 0..<d { center[j] = state.coordinates[j * capacity + x] }
            return state.coordinates.withUnsafeBufferPointer { coordinates in
                state.sizes.withUnsafeBufferPointer { sizes in
                    let shared = UncheckedSendable((coordinates.baseAddress!, sizes.baseAddress!, UnsafePointer(center.baseAddress!)))
                    let found = firstMinimum(count: octets - firstOctet, threads: threads, parallelAbove: max(1, parallelAbove / 8),
                                             chunkSize: 512) { range in
                        let (coordinates, sizes, center) = shared.value
                        return withUnsafeTemporaryAllocation(of: Double.self, capacity: wardBlock) { scratch in
                            wardBlockMinimum(octets: (range.lowerBound + firstOctet)..<(range.upperBound + firstOctet), from: x + 1,
                                             nx: nx, center: center, coordinates: coordinates, capacity: capacity,
                                             dimension: d, sizes: sizes, values: scratch.baseAddress!)
                        }
                    }
                    return (found.value, found.slot)
                }
            }
        }
    }

    /// Writes the Ward values between `center` (a cluster of `nx` points) and
    /// positions `from..<from + count` (`count` a multiple of 8) into
    /// `values`, eight positions at a time in two independent SIMD
    /// accumulators; dead positions get `+∞`.
    @inline(__always)
    private static func wardValues(
        from start: Int, count: Int, nx: Double, center: UnsafePointer<Double>, coordinates: UnsafePointer<Double>,
        capacity: Int, dimension d: Int, sizes: UnsafePointer<Double>, values: UnsafeMutablePointer<Double>
    ) {
        let twiceNx = SIMD4<Double>(repeating: 2 * nx), nxVector = SIMD4<Double>(repeating: nx)
        let infinity = SIMD4<Double>(repeating: .infinity)
        var t = 0
        while t < count {
            let p = start + t
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
            t += 8
        }
    }

    /// The first minimum of the Ward value to `center` (a cluster of `nx`
    /// points) over positions `8·octets.lowerBound ..< 8·octets.upperBound`
    /// that are at least `from`, a block of `wardBlock` values at a time.
    @inline(__always)
    private static func wardBlockMinimum(
        octets: Range<Int>, from: Int, nx: Double, center: UnsafePointer<Double>, coordinates: UnsafePointer<Double>, capacity: Int,
        dimension d: Int, sizes: UnsafePointer<Double>, values: UnsafeMutablePointer<Double>
    ) -> (value: Double, slot: Int) {
        var best = Double.infinity, bestPosition = -1
        var blockStart = octets.lowerBound * 8
        let end = octets.upperBound * 8
        while blockStart < end {
            let count = min(wardBlock, end - blockStart)
            wardValues(from: blockStart, count: count, nx: nx, center: center, coordinates: coordinates, capacity: capacity,
                       dimension: d, sizes: sizes, values: values)
            for t in 0..<max(0, min(count, from - blockStart)) { values[t] = .infinity }
            var lanes = SIMD4<Double>(repeating: .infinity)
            var t = 0
            while t < count {
                lanes = pointwiseMin(lanes, UnsafeRawPointer(values + t).loadUnaligned(as: SIMD4<Double>.self))
                t += 4
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
