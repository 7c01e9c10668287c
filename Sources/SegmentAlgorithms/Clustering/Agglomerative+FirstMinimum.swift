import SegmentBase

/// The parallel "first minimum" reduction shared by the agglomerative scans.
extension Agglomerative {
    /// Runs `scan` over `0..<count` — in chunks of `chunkSize` on `threads`
    /// threads when `count ≥ parallelAbove` — and returns the first minimum in
    /// position order, the same for any thread count.
    static func firstMinimum(
        count: Int, threads: Int, parallelAbove: Int, chunkSize: Int,
        scan: @Sendable (Range<Int>) -> (value: Double, slot: Int)
    ) -> (value: Double, slot: Int) {
        if threads == 1 || count < parallelAbove { return scan(0..<count) }
        let chunks = ParallelChunks(count: count, chunkSize: chunkSize, threads: threads)
        var best = (value: Double.infinity, slot: -1)
        for candidate in chunks.mapChunks({ _, range in scan(range) }) where candidate.value < best.value {
            best = candidate
        }
        return best
    }
}
