import Foundation

/// Counts distinct numbers with an open-addressing hash table over their bit
/// patterns, without allocating per value.
struct DistinctCounter {
    /// Marks an empty slot: a NaN pattern, never inserted (NaN means missing).
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var mask: Int
    /// Number of distinct values seen.
    private(set) var count = 0

    /// Creates a counter sized for about `expected` distinct values.
    init(expected: Int = 16) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: capacity)
        mask = capacity - 1
    }

    /// Adds a non-NaN number, counting `-0.0` and `0.0` as one value.
    @inline(__always)
    mutating func insert(number: Double) {
        let key = Self.key(number)
        var slot = Int(truncatingIfNeeded: mix(key)) & mask
        while true {
            let stored = keys[slot]
            if stored == key { return }
            if stored == Self.empty { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let old = keys
        keys = [UInt64](repeating: Self.empty, count: old.count * 2)
        mask = keys.count - 1
        count = 0
        for key in old where key != Self.empty { insert(number: Double(bitPattern: key)) }
    }
}

extension DistinctCounter {
    /// Columns at least this long are counted by partitions.
    static let partitionThreshold = 1 << 16

    /// The number of distinct non-NaN values in `values`.
    ///
    /// Long columns are first scattered into 256 partitions by the top bits of
    /// each value's hash, then each partition is counted with a small table
    /// that stays in cache: two streaming passes instead of a cache miss per
    /// value on a table of millions of slots.
    static func countDistinct(_ values: [Double]) -> Int {
        if let count = countDistinctSmallIntegers(values) { return count }
        if values.count < partitionThreshold {
            var counter = DistinctCounter(expected: 64)
            for value in values where !value.isNaN { counter.insert(number: value) }
            return counter.count
        }
        let partitionBits = 8, partitions = 1 << partitionBits
        var sizes = [Int](repeating: 0, count: partitions + 1)
        for value in values where !value.isNaN {
            sizes[Int(truncatingIfNeeded: mix(key(value)) >> UInt64(64 - partitionBits)) + 1] += 1
        }
        for partition in 0..<partitions { sizes[partition + 1] += sizes[partition] }
        var cursor = Array(sizes.dropLast())
        var scattered = [UInt64](repeating: 0, count: sizes[partitions])
        scattered.withUnsafeMutableBufferPointer { target in
            for value in values where !value.isNaN {
                let bits = key(value)
                let partition = Int(truncatingIfNeeded: mix(bits) >> UInt64(64 - partitionBits))
                target[cursor[partition]] = bits
                cursor[partition] += 1
            }
        }
        var total = 0
        for partition in 0..<partitions {
            var counter = DistinctCounter(expected: sizes[partition + 1] - sizes[partition])
            for index in sizes[partition]..<sizes[partition + 1] { counter.insert(number: Double(bitPattern: scattered[index])) }
            total += counter.count
        }
        return total
    }

    /// Whole numbers spanning at most 2^24 values are counted with a bitmap
    /// over their range: one sequential pass, no hashing. Returns `nil` for
    /// other columns.
    static func countDistinctSmallIntegers(_ values: [Double]) -> Int? {
        var low = Double.infinity, high = -Double.infinity
        for value in values where !value.isNaN {
            guard value == value.rounded() else { return nil }
            low = min(low, value)
            high = max(high, value)
        }
        guard low <= high else { return 0 }
        guard high - low < Double(1 << 24) else { return nil }
        var seen = [UInt64](repeating: 0, count: (Int(high - low) >> 6) + 1)
        var count = 0
        for value in values where !value.isNaN {
            let offset = Int(value - low)
            let bit: UInt64 = 1 << UInt64(offset & 63)
            if seen[offset >> 6] & bit == 0 {
                seen[offset >> 6] |= bit
                count += 1
            }
        }
        return count
    }

    /// The bit pattern that identifies a number (`-0.0` and `0.0` as one).
    @inline(__always)
    static func key(_ number: Double) -> UInt64 {
        number == 0 ? 0 : number.bitPattern
    }
}

/// A 64-bit finaliser (from SplitMix64) that spreads keys over the table.
@inline(__always)
func mix(_ key: UInt64) -> UInt64 {
    var z = key &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// FNV-1a hash of a byte string.
@inline(__always)
func hashBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash
}

/// Counts occurrences of distinct byte strings (table cells) exactly: equal
/// hashes are confirmed by comparing bytes. Each distinct value is
/// represented by the row where it first occurs.
struct ByteKeyedCounter {
    private var hashes: [UInt64]
    private var firstRows: [Int]   // -1 = empty slot
    private var slotCounts: [Int]
    private var mask: Int
    /// Number of distinct values.
    private(set) var count = 0

    /// Creates an empty counter.
    init() {
        hashes = [UInt64](repeating: 0, count: 64)
        firstRows = [Int](repeating: -1, count: 64)
        slotCounts = [Int](repeating: 0, count: 64)
        mask = 63
    }

    /// Counts `value`, which is the cell of `row`; `cellOfRow` returns the
    /// bytes of an earlier row's cell for comparison.
    mutating func insert(_ value: UnsafeBufferPointer<UInt8>, row: Int, cellOfRow: (Int) -> UnsafeBufferPointer<UInt8>) {
        let hash = hashBytes(value)
        var slot = Int(truncatingIfNeeded: mix(hash)) & mask
        while firstRows[slot] >= 0 {
            if hashes[slot] == hash, equalBytes(cellOfRow(firstRows[slot]), value) {
                slotCounts[slot] += 1
                return
            }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        firstRows[slot] = row
        slotCounts[slot] = 1
        count += 1
        if count * 2 > hashes.count { grow() }
    }

    /// The distinct values as (first row, occurrences), most frequent first,
    /// ties broken by first occurrence.
    func valuesByFrequency() -> [(row: Int, count: Int)] {
        var result: [(row: Int, count: Int)] = []
        result.reserveCapacity(count)
        for slot in 0..<firstRows.count where firstRows[slot] >= 0 {
            result.append((firstRows[slot], slotCounts[slot]))
        }
        result.sort { $0.count != $1.count ? $0.count > $1.count : $0.row < $1.row }
        return result
    }

    private mutating func grow() {
        let oldHashes = hashes, oldRows = firstRows, oldCounts = slotCounts
        let capacity = oldHashes.count * 2
        hashes = [UInt64](repeating: 0, count: capacity)
        firstRows = [Int](repeating: -1, count: capacity)
        slotCounts = [Int](repeating: 0, count: capacity)
        mask = capacity - 1
        for index in 0..<oldRows.count where oldRows[index] >= 0 {
            var slot = Int(truncatingIfNeeded: mix(oldHashes[index])) & mask
            while firstRows[slot] >= 0 { slot = (slot + 1) & mask }
            hashes[slot] = oldHashes[index]
            firstRows[slot] = oldRows[index]
            slotCounts[slot] = oldCounts[index]
        }
    }
}

/// Whether two byte strings are equal.
@inline(__always)
func equalBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard a.count > 0 else { return true }
    return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
}
