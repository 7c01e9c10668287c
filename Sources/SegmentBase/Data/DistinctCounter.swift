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
    /// Distinct values counted with one table before counting by partitions
    /// instead: the table (at most 2^16 slots of 8 bytes) stays in cache.
    static let smallTableLimit = 1 << 15

    /// The number of distinct non-NaN values in `values`.
    static func countDistinct(_ values: [Double]) -> Int {
        values.withUnsafeBufferPointer { countDistinct($0) }
    }

    /// The number of distinct non-NaN values in `values`: by a bitmap for
    /// whole numbers in a small range, else by one small hash table, else
    /// (when that outgrows the cache) by partitions.
    static func countDistinct(_ values: UnsafeBufferPointer<Double>) -> Int {
        if let count = countDistinctSmallIntegers(values) { return count }
        var counter = DistinctCounter(expected: 64)
        for value in values where !value.isNaN {
            counter.insert(number: value)
            if counter.count > smallTableLimit { return countDistinctByPartitions(values) }
        }
        return counter.count
    }

    /// Many distinct values: they are first scattered into 256 partitions by
    /// the top bits of a multiplicative (Fibonacci) hash of each value, then
    /// each partition is counted with a small table that stays in cache: two
    /// streaming passes instead of a cache miss per value on a table of
    /// millions of slots.
    static func countDistinctByPartitions(_ values: UnsafeBufferPointer<Double>) -> Int {
        let partitions = 256
        @inline(__always) func partition(_ bits: UInt64) -> Int {
            Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 56)
        }
        var sizes = [Int](repeating: 0, count: partitions + 1)
        for value in values where !value.isNaN { sizes[partition(key(value)) + 1] += 1 }
        for index in 0..<partitions { sizes[index + 1] += sizes[index] }
        var cursor = Array(sizes.dropLast())
        // Every slot is written once: partition p fills sizes[p]..<sizes[p + 1].
        let scattered = [UInt64](unsafeUninitializedCapacity: sizes[partitions]) { target, initialized in
            for value in values where !value.isNaN {
                let bits = key(value)
                let index = partition(bits)
                target[cursor[index]] = bits
                cursor[index] += 1
            }
            initialized = sizes[partitions]
        }
        var total = 0
        for index in 0..<partitions {
            var counter = DistinctCounter(expected: sizes[index + 1] - sizes[index])
            for position in sizes[index]..<sizes[index + 1] { counter.insert(number: Double(bitPattern: scattered[position])) }
            total += counter.count
        }
        return total
    }

    /// Whole numbers spanning at most 2^24 values are counted with a bitmap
    /// over their range: one sequential pass, no hashing. Returns `nil` for
    /// other columns.
    static func countDistinctSmallIntegers(_ values: UnsafeBufferPointer<Double>) -> Int? {
        var low = Double.infinity, high = -Double.infinity
        for value in values where !value.isNaN {
            // From 2^52 on every double is whole; below, the conversion is exact.
            guard !(abs(value) < 0x1p52) || Double(Int64(value)) == value else { return nil }
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
