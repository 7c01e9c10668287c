import SegmentBase

extension KMeans.Run {
    /// Pending rows handled together: their single-precision copies (32 KiB
    /// for 32 features) stay in the L1 cache between the sweeps.
    static let hamerlyBlockRows = 256
    /// A chunk whose bounds leave more than this share of its rows
    /// unsettled searches all of its rows instead (see `hamerlyPass`): 2/5,
    /// measured against 1/2 and 1/3 on the k-means benchmark (summed pass
    /// times 6–9 % below 1/2's, about the same as 1/3's).
    static let fullSearchShare = (numerator: 2, denominator: 5)

    /// Hamerly's assignment step: the same labels and sums as `lloydPass`,
    /// computing distances only for rows whose bounds do not settle them.
    ///
    /// Each chunk first collects, in one branch-free scan of the bound
    /// arrays, the rows the bounds do not settle. Those are then handled in
    /// blocks: gather their single-precision copies (a short loop, so many
    /// cache misses are in flight at once), tighten their upper bounds and
    /// keep those still unsettled, search all centres for those, and finally
    /// move the relabelled rows between the centre sums in row order. Each
    /// chunk writes only its own rows and its own partial slices.
    ///
    /// A chunk whose bounds leave more than `fullSearchShare` (2/5) of its
    /// rows unsettled (all of them in the first pass, which sets the
    /// bounds; many in early iterations on overlapping clusters) searches
    /// every row instead, straight from the contiguous single-precision
    /// rows, which costs less than gathering them, and gets fresh bounds.
    /// The choice depends only on the chunk's bounds, never on the thread
    /// count, and never changes a label.
    mutating func hamerlyPass(accumulate: Bool) {
        let width = width, k = clusterCount, padded = panel.paddedCount
        let state = bounds!, boundsAreSet = state.areSet
        let labels = labels, sums = partialSums, counts = partialCounts, changes = partialChanges, singles = singles
        let largestChunk = chunks.range(ofChunk: 0).count
        data.storage.withUnsafeBufferPointer { points in
            centers.withUnsafeBufferPointer { centers in
                panel.withPointers { panel in
                    let shared = UncheckedSendable((points.baseAddress!, centers.baseAddress!))
                    chunks.forEachChunk { chunk, rows in
                        let (points, centers) = shared.value
                        let work = HamerlyWorkspace(rows: largestChunk, blockRows: KMeans.Run.hamerlyBlockRows, width: width, paddedCount: padded)
                        let pending = work.pending, first = rows.lowerBound
                        var pendingCount = boundsAreSet ? state.collectUnsettled(rows, labels: labels.pointer, into: pending) : rows.count
                        let share = KMeans.Run.fullSearchShare
                        let settled = pendingCount * share.denominator <= rows.count * share.numerator
                        if !settled {
                            pendingCount = rows.count
                            for offset in 0..<rows.count { pending[offset] = Int32(truncatingIfNeeded: offset) }
                        }
                        var changed = 0
                        var start = 0
                        while start < pendingCount {
                            let block = pending + start, blockCount = min(KMeans.Run.hamerlyBlockRows, pendingCount - start)
                            let copies: UnsafePointer<Float>, searchCount: Int
                            if settled {
                                work.gather(block, count: blockCount, first: first, from: singles)
                                copies = UnsafePointer(work.copies)
                                searchCount = state.tighten(block, copies: work.copies, count: blockCount, first: first, labels: labels.pointer,
                                                            centers: centers, width: width, scratch: work.bounds)
                            } else {
                                copies = singles.row(first + start)
                                searchCount = blockCount
                            }
                            var moved = 0
                            for position in stride(from: 0, to: searchCount, by: NearestCenterKernel.screenRows) {
                                let screened = min(NearestCenterKernel.screenRows, searchCount - position)
                                NearestCenterKernel.nearestScreened(copies + position * width, count: screened,
                                                                    exact: { points + (first + Int(block[position + $0])) * width },
                                                                    panel: panel, buffers: work.screen)
                                for lane in 0..<screened {
                                    let row = first + Int(block[position + lane]), nearest = Int(work.screen.index[lane])
                                    state.set(row: row, label: nearest, upper: work.screen.upper[lane], second: work.screen.secondIndex[lane],
                                              lower: work.screen.lower[lane], outer: work.screen.outer[lane])
                                    let old = labels[row]
                                    work.movedRows[moved] = row
                                    work.movedFrom[moved] = old
                                    labels[row] = nearest
                                    moved += old != nearest ? 1 : 0
                                }
                            }
                            if accumulate {
                                let chunkSums = sums.pointer + chunk * k * width, chunkCounts = counts.pointer + chunk * k
                                work.gatherMoved(moved, from: points)
                                for index in 0..<moved {
                                    KMeans.Run.move(work.movedPoints + index * width, from: work.movedFrom[index], to: labels[work.movedRows[index]],
                                                    sums: chunkSums, counts: chunkCounts, width: width)
                                }
                            }
                            changed += moved
                            start += blockCount
                        }
                        changes[chunk] = changed
                    }
                }
            }
        }
        bounds!.areSet = true
    }
}

/// The scratch memory of one chunk of a Hamerly pass, allocated once per
/// chunk and freed with it.
final class HamerlyWorkspace {
    /// Offsets (from the chunk's first row) of the rows the bounds do not settle.
    let pending: UnsafeMutablePointer<Int32>
    /// Single-precision copies of a block of pending rows, 64-byte aligned.
    let copies: UnsafeMutablePointer<Float>
    /// The nearest-centre screen's scratch and results.
    let screen: ScreenBuffers
    /// Room for the bounds `HamerlyBounds.tighten` computes for a block.
    let bounds: UnsafeMutablePointer<Double>
    /// The relabelled rows of a block and their previous labels.
    let movedRows: UnsafeMutablePointer<Int>
    let movedFrom: UnsafeMutablePointer<Int>
    /// The exact coordinates of the relabelled rows, gathered by `gatherMoved`.
    let movedPoints: UnsafeMutablePointer<Double>
    private let width: Int

    /// Allocates the scratch for a chunk of up to `rows` rows.
    init(rows: Int, blockRows: Int, width: Int, paddedCount: Int) {
        self.width = width
        pending = .allocate(capacity: max(rows, 1))
        copies = UnsafeMutableRawPointer.allocate(byteCount: blockRows * width * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: blockRows * width)
        screen = ScreenBuffers(dimensions: width, paddedCount: paddedCount)
        bounds = .allocate(capacity: 2 * ((blockRows + 7) / 8 * 8))
        movedRows = .allocate(capacity: blockRows)
        movedFrom = .allocate(capacity: blockRows)
        movedPoints = .allocate(capacity: blockRows * width)
    }

    deinit {
        pending.deallocate()
        copies.deallocate()
        bounds.deallocate()
        movedRows.deallocate()
        movedFrom.deallocate()
        movedPoints.deallocate()
    }

    /// Copies the single-precision rows of `block[0 ..< count]` (offsets from
    /// `first`) to `copies`: a loop with nothing else in it, so the
    /// processor overlaps the cache misses of many rows.
    @inline(__always)
    func gather(_ block: UnsafePointer<Int32>, count: Int, first: Int, from singles: SinglePrecisionRows) {
        for position in 0..<count {
            ShortRowCopy.copy(singles.row(first + Int(block[position])), to: copies + position * width, count: width)
        }
    }

    /// Copies the exact rows of the first `count` relabelled rows to
    /// `movedPoints`: like `gather`, a loop with nothing else in it, so
    /// their cache misses overlap instead of stalling the centre sums.
    @inline(__always)
    func gatherMoved(_ count: Int, from points: UnsafePointer<Double>) {
        for index in 0..<count {
            ShortRowCopy.copy(points + movedRows[index] * width, to: movedPoints + index * width, count: width)
        }
    }
}
