import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegmentBase

/// Read-only memory mappings of quote-free delimited files, the input of the
/// parallel readers (`ParallelTableReader`, `FileSummary`).
enum MappedFile {
    /// Maps `path` and calls `body` with its bytes (after a UTF-8 byte-order
    /// mark) when it qualifies (see `quoteFreeInput`); returns `nil` for
    /// every other input, and whatever `body` returns. The bytes are valid
    /// only inside `body`.
    static func withQuoteFreeBytes<Result>(path: String, minimumSize: Int, threads: Int,
                                           _ body: (UnsafeBufferPointer<UInt8>) throws -> Result?) rethrows -> Result? {
        guard let input = quoteFreeInput(path: path, minimumSize: minimumSize, threads: threads) else { return nil }
        return try withExtendedLifetime(input) { try body(input.bytes) }
    }

    /// Maps `path` when it is a regular file of at least `minimumSize` (and
    /// at least one) bytes without any `"` or carriage return: there every
    /// line feed ends a record, so chunks of lines can be parsed
    /// independently. Returns `nil` for every other input.
    ///
    /// The search for `"` and carriage returns runs on `threads` cores over
    /// fixed blocks (`checkBlockSize`), so the first touches of the mapping's
    /// pages (a page fault per 64 KiB) are shared between the cores too.
    ///
    /// Anything but a regular file is left alone without being opened: a
    /// FIFO can be opened only once, so its one reader must be the streaming one.
    static func quoteFreeInput(path: String, minimumSize: Int, threads: Int) -> InputBytes? {
        var named = stat()
        guard stat(path, &named) == 0, (named.st_mode & S_IFMT) == S_IFREG else { return nil }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= max(1, minimumSize) else { return nil }
        let size = Int(info.st_size)
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else { return nil }
        madvise(mapping, size, MADV_SEQUENTIAL)
        var data = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: size)
        if size >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
            data = UnsafeBufferPointer(rebasing: data[3...])
        }
        let input = InputBytes(mapping: mapping, size: size, bytes: data)
        return isQuoteFree(data, threads: threads) ? input : nil
    }

    /// Bytes per block of the parallel search in `isQuoteFree`.
    static let checkBlockSize = 4 << 20

    /// Whether `data` holds neither `"` nor a carriage return, searched in
    /// parallel over fixed blocks of `blockSize` bytes.
    static func isQuoteFree(_ data: UnsafeBufferPointer<UInt8>, threads: Int, blockSize: Int = checkBlockSize) -> Bool {
        guard let base = data.baseAddress else { return true }
        let shared = UncheckedSendable(base)
        return ParallelChunks(count: data.count, chunkSize: blockSize, threads: threads).mapChunks { _, range in
            let block = shared.value + range.lowerBound
            return memchr(block, 0x22, range.count) == nil && memchr(block, 0x0D, range.count) == nil
        }.allSatisfy { $0 }
    }
}
