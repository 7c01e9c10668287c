import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Distinct counting (bitmap, one table, partitions) against a plain `Set`.
@Suite struct DistinctCounterTests {
    /// Plain reference: distinct non-NaN values, `-0.0` equal to `0.0`.
    func plainCount(_ values: [Double]) -> Int {
        Set(values.filter { !$0.isNaN }.map { $0 == 0 ? 0.0 : $0 }).count
    }

    @Test func matchesASetOnEveryPath() {
        var generator = SplitMix64(seed: 5)
        let columns: [[Double]] = [
            [],
            [.nan, .nan],
            [0.0, -0.0, 1, .nan, 1],
            (0..<5000).map { _ in Double(generator.next() % 300) },                          // bitmap
            (0..<5000).map { _ in Double(generator.next() % 1_000_000_000) },                // whole, wide range
            (0..<70_000).map { _ in Double(generator.next() % 601) / 1000 },                 // few decimals
            (0..<200_000).map { _ in Double(generator.next() % 150_000) / 100 + 0.001 },     // partitions
            (0..<100_000).map { _ in generator.nextUnitDouble() * 1e300 },                   // huge values
            (0..<3000).map { index in index % 7 == 0 ? .nan : 0x1p53 + Double(index % 900) }, // whole beyond 2^52
        ]
        for values in columns {
            #expect(DistinctCounter.countDistinct(values) == plainCount(values), "\(values.prefix(3))")
        }
    }
}

/// Counting byte strings in blocks and appending the blocks in order gives
/// exactly the counts of one pass.
@Suite struct ByteKeyedCounterTests {
    @Test func appendedBlocksEqualOnePass() {
        var generator = SplitMix64(seed: 9)
        let cells = (0..<3000).map { _ in Array("v\(generator.next() % 400)".utf8) }
        let starts = cells.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let bytes = cells.flatMap { $0 }
        let (whole, appended) = bytes.withUnsafeBufferPointer { buffer in
            let cellOfKey = { (key: Int) in UnsafeBufferPointer(rebasing: buffer[starts[key]..<starts[key + 1]]) }
            var whole = ByteKeyedCounter()
            for key in cells.indices { whole.insert(cellOfKey(key), key: key, cellOfKey: cellOfKey) }
            var appended = ByteKeyedCounter()
            for start in stride(from: 0, to: cells.count, by: 700) {
                var block = ByteKeyedCounter()
                for key in start..<min(cells.count, start + 700) { block.insert(cellOfKey(key), key: key, cellOfKey: cellOfKey) }
                appended.append(block, cellOfKey: cellOfKey)
            }
            return (whole, appended)
        }
        let frequencies = { (counter: ByteKeyedCounter) in counter.valuesByFrequency().map { "\($0.key):\($0.count)" } }
        #expect(appended.count == whole.count)
        #expect(frequencies(appended) == frequencies(whole))
        // Plain reference: first occurrence and count of each value.
        var firstKeys: [[UInt8]: Int] = [:], counts: [[UInt8]: Int] = [:]
        for (key, cell) in cells.enumerated() {
            if firstKeys[cell] == nil { firstKeys[cell] = key }
            counts[cell, default: 0] += 1
        }
        #expect(Set(frequencies(whole)) == Set(firstKeys.map { "\($0.value):\(counts[$0.key]!)" }))
    }
}
