import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

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

    /// The side job runs exactly once, next to the chunks, and the chunk
    /// results keep their order; with one thread, or no chunks, it still runs.
    @Test(arguments: [1, 2, 3, 8])
    func aSideJobRunsOnceAlongsideTheChunks(threads: Int) {
        for count in [0, 1, 10, 1000] {
            let runs = Counter()
            let ranges = ParallelChunks(count: count, chunkSize: 7, threads: threads).mapChunks(alongside: { runs.add() }) { _, range in range }
            #expect(runs.value == 1, "count \(count)")
            #expect(ranges.flatMap { Array($0) } == Array(0..<count))
        }
    }

    /// A thread-safe tally for the side-job test.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }

    @Test func splitMixIsReproducible() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        // First output for seed 0 from the reference C implementation (Vigna).
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }
}
