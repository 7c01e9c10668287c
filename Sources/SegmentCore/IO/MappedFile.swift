import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only memory mappings of quote-free delimited files, the input of the
/// parallel readers (`ParallelTableReader`, `FileSummary`).
enum MappedFile {
    /// Maps `path` and calls `body` with its bytes (after a UTF-8 byte-order
    /// mark) when it is a regular file of at least `minimumSize` (and at
    /// least one) bytes without any `"` or carriage return: there every line
    /// feed ends a record, so chunks of lines can be parsed independently.
    /// Returns `nil` for every other input, and whatever `body` returns.
    ///
    /// The bytes are valid only inside `body`.
    static func withQuoteFreeBytes<Result>(path: String, minimumSize: Int,
                                           _ body: (UnsafeBufferPointer<UInt8>) throws -> Result?) rethrows -> Result? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= max(1, minimumSize) else { return nil }
        let size = Int(info.st_size)
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else { return nil }
        defer { BackgroundRelease.unmap(mapping, size: size) }
        madvise(mapping, size, MADV_SEQUENTIAL)
        var data = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: size)
        if size >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
            data = UnsafeBufferPointer(rebasing: data[3...])
        }
        guard let base = data.baseAddress, memchr(base, 0x22, data.count) == nil, memchr(base, 0x0D, data.count) == nil else { return nil }
        return try body(data)
    }
}
