import SegmentBase

/// Copies of one short matrix row (a few dozen bytes): 32 bytes at a time,
/// then four. A plain element loop becomes a call to `memmove`, which
/// costs more than the copy itself at this size.
enum ShortRowCopy {
    /// Copies `count` elements from `source` to `target` (which may start
    /// at or before `source`, as when compacting rows towards the front).
    /// - Precondition: the element size is a multiple of 4 bytes.
    @inline(__always)
    static func copy<Element>(_ source: UnsafePointer<Element>, to target: UnsafeMutablePointer<Element>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        let byteCount = count * MemoryLayout<Element>.stride
        var offset = 0
        while offset + 32 <= byteCount {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: SIMD4<UInt64>.self), toByteOffset: offset, as: SIMD4<UInt64>.self)
            offset += 32
        }
        while offset < byteCount {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt32.self), toByteOffset: offset, as: UInt32.self)
            offset += 4
        }
    }
}
