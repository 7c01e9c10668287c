import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The indexed heap against a plain linear scan for the minimum.
@Suite struct IndexedMinHeapTests {
    @Test func agreesWithLinearScanUnderUpdatesAndRemovals() {
        var generator = SplitMix64(seed: 17)
        var keys = (0..<200).map { _ in Double(generator.next() % 50) }  // many ties
        var present = Set(0..<200)
        var heap = IndexedMinHeap(keys: keys)
        func expectedTop() -> Int? {
            present.min { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        }
        for step in 0..<600 {
            #expect(heap.top == expectedTop())
            let item = Int(generator.next() % 200)
            if step % 3 == 0 {
                heap.remove(item)
                present.remove(item)
            } else {
                let key = Double(generator.next() % 50)
                heap.update(item, key: key)
                keys[item] = key
            }
        }
        while let top = heap.top {
            #expect(top == expectedTop())
            heap.remove(top)
            present.remove(top)
        }
        #expect(present.isEmpty && heap.isEmpty)
    }
}
