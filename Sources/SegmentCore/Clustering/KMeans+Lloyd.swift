extension KMeans.Run {
    /// Lloyd's assignment step: every row against every centre.
    ///
    /// Writes `labels`, the per-chunk change counts and, when `accumulate`,
    /// the per-chunk centre sums. Each chunk writes only its own rows of
    /// `labels` and its own slices of the partial buffers.
    mutating func lloydPass(accumulate: Bool) {
        let width = width, k = clusterCount, padded = panel.paddedCount
        data.storage.withUnsafeBufferPointer { points in
            panel.values.withUnsafeBufferPointer { panel in
                labels.withUnsafeMutableBufferPointer { labels in
                    partialSums.withUnsafeMutableBufferPointer { sums in
                        partialCounts.withUnsafeMutableBufferPointer { counts in
                            partialChanges.withUnsafeMutableBufferPointer { changes in
                                let shared = UncheckedSendable((points.baseAddress!, panel.baseAddress!, labels.baseAddress!,
                                                                sums.baseAddress!, counts.baseAddress!, changes.baseAddress!))
                                chunks.forEachChunk { chunk, rows in
                                    let (points, panel, labels, sums, counts, changes) = shared.value
                                    let distances = UnsafeMutablePointer<Double>.allocate(capacity: padded)
                                    defer { distances.deallocate() }
                                    let chunkSums = sums + chunk * k * width
                                    let chunkCounts = counts + chunk * k
                                    var changed = 0
                                    for row in rows {
                                        let point = points + row * width
                                        NearestCenterKernel.squaredDistances(from: point, panel: panel, dimensions: width,
                                                                             paddedCount: padded, into: distances)
                                        let nearest = NearestCenterKernel.nearest(distances, paddedCount: padded).index
                                        if labels[row] != nearest {
                                            labels[row] = nearest
                                            changed += 1
                                        }
                                        if accumulate {
                                            KMeans.Run.add(point, to: chunkSums + nearest * width, width: width)
                                            chunkCounts[nearest] += 1
                                        }
                                    }
                                    changes[chunk] = changed
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds a point to a centre's running sum.
    @inline(__always)
    static func add(_ point: UnsafePointer<Double>, to sum: UnsafeMutablePointer<Double>, width: Int) {
        for feature in 0..<width { sum[feature] += point[feature] }
    }
}
