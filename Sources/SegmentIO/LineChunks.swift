import Foundation
import SegmentBase

/// The header of a quote-free, line-feed-terminated delimited text and its
/// body split into chunks of whole lines, for parsing the chunks in parallel.
///
/// Chunks start at fixed offsets (multiples of the chunk size from the
/// body's start) moved forward to the next line start, so the split depends
/// only on the text, never on the number of threads.
struct LineChunks {
    /// Column names (from the header, or `col1`, `col2`, … without one).
    let columnNames: [String]
    /// The physical line (1-based) of the body's first line.
    let firstBodyLine: Int
    /// Chunk `i` is `boundaries[i]..<boundaries[i + 1]`; the last boundary is
    /// the text's length.
    let boundaries: [Int]

    /// Fields per record.
    var width: Int { columnNames.count }
    /// Number of chunks.
    var count: Int { boundaries.count - 1 }

    /// Splits `data`; returns `nil` for one-column texts, which the
    /// sequential reader handles (blank lines are records there).
    /// - Throws: `CSVError` for an invalid header (bad UTF-8, duplicate names).
    init?(_ data: UnsafeBufferPointer<UInt8>, dialect: CSVDialect, name: String, chunkSize: Int) throws {
        let headerEnd = data.firstIndex(of: 0x0A) ?? data.count
        let firstLine = UnsafeBufferPointer(rebasing: data[0..<headerEnd])
        let firstFields = firstLine.split(separator: dialect.delimiter, omittingEmptySubsequences: false)
        let bodyStart: Int
        if dialect.hasHeader {
            let names = firstFields.map { String(decoding: $0, as: UTF8.self) }
            if !firstLine.allSatisfy({ $0 < 0x80 }), let bad = firstFields.firstIndex(where: { !isValidUTF8(UnsafeBufferPointer(rebasing: $0)) }) {
                throw CSVError.invalidUTF8(file: name, line: 1, column: bad + 1)
            }
            columnNames = try TableLoader.validatedNames(names, file: name)
            bodyStart = min(headerEnd + 1, data.count)
            firstBodyLine = 2
        } else {
            columnNames = (1...firstFields.count).map { "col\($0)" }
            bodyStart = 0
            firstBodyLine = 1
        }
        if firstFields.count == 1 { return nil }

        var starts = [bodyStart]
        var offset = bodyStart + chunkSize
        while offset < data.count {
            guard let newline = memchr(data.baseAddress! + offset, 0x0A, data.count - offset) else { break }
            let next = data.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            if next >= data.count { break }
            starts.append(next)
            offset = next + chunkSize
        }
        starts.append(data.count)
        boundaries = starts
    }

    /// The bytes of chunk `index` of `data`.
    func chunk(_ index: Int, of data: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: data[boundaries[index]..<boundaries[index + 1]])
    }
}
