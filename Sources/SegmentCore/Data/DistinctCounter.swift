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
        values.withUnsafeBufferPointer { countDistinct($0) }
    }

    /// The number of distinct non-NaN values in `values` (see above).
    static func countDistinct(_ values: UnsafeBufferPointer<Double>) -> Int {
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
    static func countDistinctSmallIntegers(_ values: UnsafeBufferPointer<Double>) -> Int? {
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
