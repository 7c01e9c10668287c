import SegmentBase

/// Byte searches eight bytes at a time in a `UInt64` (little-endian: the
/// word's lowest byte is the first in memory).
public enum ByteWords {
    /// `byte` in every byte of a word.
    @inlinable @inline(__always)
    public static func repeated(_ byte: UInt8) -> UInt64 {
        0x0101_0101_0101_0101 &* UInt64(byte)
    }

    /// The high bit of each zero byte of `word`, exactly up to and including
    /// its lowest zero byte (bytes above it may be marked wrongly):
    /// `(v − 0x01…01) & ~v & 0x80…80`. Nonzero exactly when a byte is zero,
    /// and its lowest set bit marks the first zero byte: for finding bytes.
    @inlinable @inline(__always)
    public static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }
}
