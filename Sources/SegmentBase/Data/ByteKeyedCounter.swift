import Foundation

/// Counts occurrences of distinct byte strings (cells) exactly: equal hashes
/// are confirmed by comparing bytes.
///
/// Each distinct value is represented by the key of its first occurrence: a
/// number that grows with the position of the cell in its column (a row, or
/// a byte offset in the file), from which the caller can find the cell's
/// bytes again.
package struct ByteKeyedCounter: Sendable {
    private var hashes: [UInt64]
    private var firstKeys: [Int]   // -1 = empty slot
    private var slotCounts: [Int]
    private var mask: Int
    /// Number of distinct values.
    package private(set) var count = 0

    /// Creates an empty counter.
    package init() {
        hashes = [UInt64](repeating: 0, count: 64)
        firstKeys = [Int](repeating: -1, count: 64)
        slotCounts = [Int](repeating: 0, count: 64)
        mask = 63
    }

    /// Counts `value`, the cell with key `key` (not smaller than any key
    /// inserted before); `cellOfKey` returns the bytes of an earlier key's
    /// cell for comparison.
    @inline(__always)
    package mutating func insert(_ value: UnsafeBufferPointer<UInt8>, key: Int, cellOfKey: (Int) -> UnsafeBufferPointer<UInt8>) {
        add(hash: hashBytes(value), firstKey: key, count: 1, bytes: value, cellOfKey: cellOfKey)
    }

    /// Adds the counts of `later`, whose keys all follow this counter's keys
    /// (as a later block of the same column).
    package mutating func append(_ later: ByteKeyedCounter, cellOfKey: (Int) -> UnsafeBufferPointer<UInt8>) {
        for slot in 0..<later.firstKeys.count where later.firstKeys[slot] >= 0 {
            let key = later.firstKeys[slot]
            add(hash: later.hashes[slot], firstKey: key, count: later.slotCounts[slot], bytes: cellOfKey(key), cellOfKey: cellOfKey)
        }
    }

    private mutating func add(hash: UInt64, firstKey: Int, count occurrences: Int, bytes: UnsafeBufferPointer<UInt8>,
                              cellOfKey: (Int) -> UnsafeBufferPointer<UInt8>) {
        var slot = Int(truncatingIfNeeded: mix(hash)) & mask
        while firstKeys[slot] >= 0 {
            if hashes[slot] == hash, equalBytes(cellOfKey(firstKeys[slot]), bytes) {
                slotCounts[slot] += occurrences
                return
            }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        firstKeys[slot] = firstKey
        slotCounts[slot] = occurrences
        count += 1
        if count * 2 > hashes.count { grow() }
    }

    /// The distinct values as (key of the first occurrence, occurrences),
    /// most frequent first, ties broken by first occurrence.
    package func valuesByFrequency() -> [(key: Int, count: Int)] {
        var result: [(key: Int, count: Int)] = []
        result.reserveCapacity(count)
        for slot in 0..<firstKeys.count where firstKeys[slot] >= 0 {
            result.append((firstKeys[slot], slotCounts[slot]))
        }
        result.sort { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        return result
    }

    private mutating func grow() {
        let oldHashes = hashes, oldKeys = firstKeys, oldCounts = slotCounts
        let capacity = oldHashes.count * 2
        hashes = [UInt64](repeating: 0, count: capacity)
        firstKeys = [Int](repeating: -1, count: capacity)
        slotCounts = [Int](repeating: 0, count: capacity)
        mask = capacity - 1
        for index in 0..<oldKeys.count where oldKeys[index] >= 0 {
            var slot = Int(truncatingIfNeeded: mix(oldHashes[index])) & mask
            while firstKeys[slot] >= 0 { slot = (slot + 1) & mask }
            hashes[slot] = oldHashes[index]
            firstKeys[slot] = oldKeys[index]
            slotCounts[slot] = oldCounts[index]
        }
    }
}

/// FNV-1a hash of a byte string.
@inline(__always)
func hashBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash
}

/// Whether two byte strings are equal.
@inline(__always)
func equalBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard a.count > 0 else { return true }
    return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
}
