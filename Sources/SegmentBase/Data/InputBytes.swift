import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of an input that a table keeps its cells in, where they are:
/// a memory-mapped file (unmapped when the last table holding it goes) or
/// a copy of them.
///
/// Keeping the cells in the mapping instead of copying them out saves a
/// buffer the size of the input and its first touches (a page fault per
/// 4 KiB): on a million-row `cluster` run, a sixth of the load phase. The
/// mapping is private and read-only; like any reader of a file, it assumes
/// that nothing truncates the file while the command runs.
package final class InputBytes: @unchecked Sendable {
    /// The input's bytes (after a UTF-8 byte-order mark), valid while this
    /// object lives.
    package let bytes: UnsafeBufferPointer<UInt8>
    /// The mapping to unmap, when the bytes are one.
    private let mapping: (start: UnsafeMutableRawPointer, size: Int)?
    /// The copy to free, when the bytes are one.
    private let copy: UnsafeMutableBufferPointer<UInt8>?

    /// Takes ownership of `size` mapped bytes at `start`, of which `bytes` are the input.
    package init(mapping start: UnsafeMutableRawPointer, size: Int, bytes: UnsafeBufferPointer<UInt8>) {
        mapping = (start, size)
        copy = nil
        self.bytes = bytes
    }

    /// A copy of `bytes` (for inputs that are not mapped files).
    init(copying bytes: UnsafeBufferPointer<UInt8>) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = buffer.initialize(from: bytes)
        mapping = nil
        copy = buffer
        self.bytes = UnsafeBufferPointer(rebasing: buffer[..<bytes.count])
    }

    deinit {
        if let mapping { munmap(mapping.start, mapping.size) }
        copy?.deallocate()
    }
}
