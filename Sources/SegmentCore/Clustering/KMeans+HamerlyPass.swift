extension KMeans.Run {
    /// Pending rows handled together: their single-precision copies (32 KiB
    /// for 32 features) stay in the L1 cache between the sweeps.
    static let hamerlyBlockRows = 256

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
    /// When the bounds are unset, or the last pass used them and still had
    /// to search more than half the rows (early iterations on overlapping
    /// clusters), every row is searched straight from the contiguous
    /// single-precision rows, which costs less than checking and gathering
    /// them, and gets fresh bounds. The choice depends only on the labels' history, never on the
    /// thread count.
    mutating func hamerlyPass(accumulate: Bool) {
        let width = width, k = clusterCount, padded = panel.paddedCount
        let settled = !bounds!.searchEverything
        let state = bounds!
        let labels = labels, sums = partialSums, counts = partialCounts, changes = partialChanges, singles = singles
        let searched = partialSearched
        let largestChunk = chunks.range(ofChunk: 0).count
        data.storage.withUnsafeBufferPointer { points in
            centers.withUnsafeBufferPointer { centers in
                panel.withPointers { panel in
                    let shared = UncheckedSendable((points.baseAddress!, centers.baseAddress!))
                    chunks.forEachChunk { chunk, rows in
                        let (points, centers) = shared.value
                        let work = HamerlyWorkspace(rows: largestChunk, blockRows: KMeans.Run.hamerlyBlockRows, width: width, paddedCount: padded)
                        let pending = work.pending, first = rows.lowerBound
                        var pendingCount = rows.count
                        if settled {
                            pendingCount = state.collectUnsettled(rows, labels: labels.pointer, into: pending)
                        } else {
                            for offset in 0..<rows.count { pending[offset] = Int32(truncatingIfNeeded: offset) }
                        }
                        var changed = 0, searchedRows = 0
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
                            searchedRows += searchCount
                            var moved = 0
                            for position in stride(from: 0, to: searchCount, by: NearestCenterKernel.screenRows) {
                                let screened = min(NearestCenterKernel.screenRows, searchCount - position)
                                NearestCenterKernel.nearestScreened(copies + position * width, count: screened,
                                                                    exact: { points + (first + Int(block[position + $0])) * width },
                                                                    panel: panel, buffers: work.screen)
                                for lane in 0..<screened {
                                    let row = first + Int(block[position + lane]), nearest = Int(work.screen.index[lane])
                                    state.upper[row] = work.screen.upper[lane] - state.drift[nearest]
                                    state.lower[row] = work.screen.lower[lane] + state.lowerDrift[nearest]
                                    let old = labels[row]
                                    work.movedRows[moved] = row
                                    work.movedFrom[moved] = old
                                    labels[row] = nearest
                                    moved += old != nearest ? 1 : 0
                                }
                            }
                            if accumulate {
                                let chunkSums = sums.pointer + chunk * k * width, chunkCounts = counts.pointer + chunk * k
                                for index in 0..<moved {
                                    let row = work.movedRows[index]
                                    KMeans.Run.move(points + row * width, from: work.movedFrom[index], to: labels[row],
                                                    sums: chunkSums, counts: chunkCounts, width: width)
                                }
                            }
                            changed += moved
                            start += blockCount
                        }
                        changes[chunk] = changed
                        searched[chunk] = searchedRows
                    }
                }
            }
        }
        // A full pass leaves fresh bounds for the next one to use.
        bounds!.searchEverything = settled && 2 * searched.array.reduce(0, +) > rowCount
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
    }

    deinit {
        pending.deallocate()
        copies.deallocate()
        bounds.deallocate()
        movedRows.deallocate()
        movedFrom.deallocate()
    }

    /// Copies the single-precision rows of `block[0 ..< count]` (offsets from
    /// `first`) to `copies`: a loop with nothing else in it, so the
    /// processor overlaps the cache misses of many rows.
    @inline(__always)
    func gather(_ block: UnsafePointer<Int32>, count: Int, first: Int, from singles: SinglePrecisionRows) {
        for position in 0..<count {
            SinglePrecisionRows.copy(singles.row(first + Int(block[position])), to: copies + position * width, count: width)
        }
    }
}
