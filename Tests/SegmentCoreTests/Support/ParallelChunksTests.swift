import Testing
@testable import SegmentCore

/// Fixed chunking gives the same reduction for any thread count.
@Suite struct ParallelChunksTests {
    @Test func chunkSumsAreIdenticalForAnyThreadCount() {
        var generator = SplitMix64(seed: 1)
        let values = (0..<100_003).map { _ in generator.nextUnitDouble() * 1e6 }
        let shared = UncheckedSendable(values)
        func total(threads: Int) -> Double {
            ParallelChunks(count: values.count, chunkSize: 1000, threads: threads).mapChunks { _, range in
                var sum = 0.0
                for index in range { sum += shared.value[index] }
                return sum
            }.reduce(0, +)
        }
        let single = total(threads: 1)
        for threads in [2, 3, 8] { #expect(total(threads: threads).bitPattern == single.bitPattern) }
    }

    @Test func everyItemIsVisitedOnce() {
        let chunks = ParallelChunks(count: 10, chunkSize: 3, threads: 4)
        #expect(chunks.chunkCount == 4)
        #expect(chunks.range(ofChunk: 3) == 9..<10)
        let ranges = chunks.mapChunks { _, range in range }
        #expect(ranges.flatMap { Array($0) } == Array(0..<10))
    }

    @Test func splitMixIsReproducible() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        // First output for seed 0 from the reference C implementation (Vigna).
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }
}
