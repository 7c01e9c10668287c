import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The lock-free union–find against a plain sequential one.
@Suite struct ConcurrentUnionFindTests {
    @Test func concurrentUnionsGiveTheSequentialSets() {
        let n = 5000
        var generator = SplitMix64(seed: 23)
        let pairs = (0..<4000).map { _ in (Int(generator.next() % UInt64(n)), Int(generator.next() % UInt64(n))) }
        // Plain union–find, smallest element as root.
        var parent = Array(0..<n)
        func find(_ element: Int) -> Int {
            var root = element
            while parent[root] != root { root = parent[root] }
            return root
        }
        for (a, b) in pairs {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        let concurrent = ConcurrentUnionFind(count: n)
        ParallelChunks(count: pairs.count, chunkSize: 64, threads: 4).forEachChunk { _, range in
            for index in range { concurrent.union(pairs[index].0, pairs[index].1) }
        }
        for element in 0..<n {
            #expect(concurrent.find(element) == find(element))
        }
    }
}
