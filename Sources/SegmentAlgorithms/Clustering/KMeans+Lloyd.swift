import SegmentBase

extension KMeans.Run {
    /// Lloyd's assignment step: every row against every centre.
    ///
    /// Writes `labels`, the per-chunk change counts and, when `accumulate`,
    /// the per-chunk changes to the centre sums. Each chunk writes only its own rows of
    /// `labels` and its own slices of the partial buffers.
    func lloydPass(accumulate: Bool) {
        let width = width, k = clusterCount, padded = panel.paddedCount
        let labels = labels, sums = partialSums, counts = partialCounts, changes = partialChanges, singles = singles
        data.storage.withUnsafeBufferPointer { points in
            panel.withPointers { panel in
                let shared = UncheckedSendable(points.baseAddress!)
                chunks.forEachChunk { chunk, rows in
                    let points = shared.value
                    let screen = ScreenBuffers(dimensions: width, paddedCount: padded)
                    let chunkSums = sums.pointer + chunk * k * width
                    let chunkCounts = counts.pointer + chunk * k
                    var changed = 0
                    for start in stride(from: rows.lowerBound, to: rows.upperBound, by: NearestCenterKernel.screenRows) {
                        let screened = min(NearestCenterKernel.screenRows, rows.upperBound - start)
                        NearestCenterKernel.nearestScreened(singles.row(start), count: screened, exact: { points + (start + $0) * width },
                                                            panel: panel, buffers: screen)
                        for lane in 0..<screened {
                            let row = start + lane, index = Int(screen.index[lane])
                            let old = labels[row]
                            if old != index {
                                labels[row] = index
                                changed += 1
                                if accumulate {
                                    KMeans.Run.move(points + row * width, from: old, to: index, sums: chunkSums, counts: chunkCounts, width: width)
                                }
                            }
                        }
                    }
                    changes[chunk] = changed
                }
            }
        }
    }

    /// Records that a row moved from centre `old` (−1: none) to centre `new`
    /// in a chunk's sum and size changes.
    @inline(__always)
    static func move(_ point: UnsafePointer<Double>, from old: Int, to new: Int,
                     sums: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int>, width: Int) {
        let target = sums + new * width
        for feature in 0..<width { target[feature] += point[feature] }
        counts[new] += 1
        if old >= 0 {
            let source = sums + old * width
            for feature in 0..<width { source[feature] -= point[feature] }
            counts[old] -= 1
        }
    }
}
