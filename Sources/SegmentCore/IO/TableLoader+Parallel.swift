import Foundation

extension TableLoader {
    /// Files smaller than this are read by the streaming reader alone.
    static let parallelMinimumBytes = 4 << 20

    /// The part of a plain file parsed by one task.
    private struct PlainChunk {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        /// Physical line (0-based within the chunk) of each row.
        var rowLines: [Int] = []
        /// Physical lines in the chunk.
        var lineCount = 0
        /// The first ragged line (0-based within the chunk) and its field count.
        var ragged: (line: Int, found: Int)?
        /// A quote, carriage return or non-ASCII byte: the chunk needs the full reader.
        var needsFullReader = false
    }

    /// Loads a large *plain* file — a header, then lines holding no quote,
    /// no carriage return and only ASCII bytes, in two or more columns — by
    /// parsing line ranges in parallel. Such files cannot contain any of the
    /// constructs the streaming reader handles specially, so the table is the
    /// one `CSVReader` would produce (blank lines skipped, the same line
    /// numbers and errors).
    /// - Returns: `nil` when the input does not qualify; the caller then
    ///   uses the streaming reader.
    static func loadPlainFile(_ source: InputSource, dialect: CSVDialect, threads: Int,
                              minimumBytes: Int = parallelMinimumBytes) throws -> Table? {
        guard case .file(let path) = source, dialect.hasHeader, threads > 1,
              let size = source.fileSize, size >= minimumBytes,
              let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        return try data.withUnsafeBytes { raw -> Table? in
            let input = raw.bindMemory(to: UInt8.self)
            guard let headerEnd = input.firstIndex(of: 0x0A) else { return nil }
            let header = UnsafeBufferPointer(rebasing: input[0..<headerEnd])
            guard !header.contains(where: { $0 == 0x22 || $0 == 0x0D || $0 >= 0x80 }) else { return nil }
            let names = header.split(separator: dialect.delimiter, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard names.count > 1 else { return nil }
            let columnNames = try validatedNames(names, file: source.displayName)

            // Split the body at line ends into a fixed number of ranges per thread.
            let body = (headerEnd + 1)..<input.count
            let pieces = max(1, threads * 4)
            var bounds = [body.lowerBound]
            for piece in 1..<pieces {
                var cut = body.lowerBound + body.count * piece / pieces
                guard cut > bounds.last! else { continue }
                while cut < body.upperBound && input[cut - 1] != 0x0A { cut += 1 }
                if cut > bounds.last! && cut < body.upperBound { bounds.append(cut) }
            }
            bounds.append(body.upperBound)
            let ranges = (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
            let shared = UncheckedSendable(input)
            let delimiter = dialect.delimiter, width = columnNames.count
            let chunks = ParallelChunks(count: ranges.count, chunkSize: 1, threads: threads).mapChunks { index, _ in
                parsePlain(shared.value, range: ranges[index], delimiter: delimiter, width: width)
            }
            guard !chunks.contains(where: \.needsFullReader) else { return nil }

            var line = 2
            var rowLines: [Int] = []
            var bytes: [UInt8] = []
            var ends: [Int] = []
            rowLines.reserveCapacity(chunks.reduce(0) { $0 + $1.rowLines.count })
            bytes.reserveCapacity(chunks.reduce(0) { $0 + $1.bytes.count })
            ends.reserveCapacity(chunks.reduce(0) { $0 + $1.ends.count })
            for chunk in chunks {
                if let ragged = chunk.ragged {
                    throw CSVError.fieldCountMismatch(file: source.displayName, line: line + ragged.line, expected: width, found: ragged.found)
                }
                let base = bytes.count
                bytes.append(contentsOf: chunk.bytes)
                ends.append(contentsOf: chunk.ends.lazy.map { $0 + base })
                rowLines.append(contentsOf: chunk.rowLines.lazy.map { $0 + line })
                line += chunk.lineCount
            }
            let columns = TypeInference.inferColumns(names: columnNames, rowCount: rowLines.count, bytes: bytes, ends: ends, threads: threads)
            return Table(source: source.displayName, columnNames: columnNames, rowLines: rowLines, cellBytes: bytes, cellEnds: ends, columns: columns)
        }
    }

    /// Splits the lines of `range` into fields, stopping at the first ragged
    /// line or at any byte the plain format excludes.
    private static func parsePlain(_ input: UnsafeBufferPointer<UInt8>, range: Range<Int>, delimiter: UInt8, width: Int) -> PlainChunk {
        var chunk = PlainChunk()
        chunk.bytes.reserveCapacity(range.count)
        chunk.ends.reserveCapacity(range.count / 4)
        var position = range.lowerBound
        while position < range.upperBound {
            let lineStart = position
            var fields = 0
            let rowBytes = chunk.bytes.count, rowEnds = chunk.ends.count
            while position < range.upperBound {
                let byte = input[position]
                if byte == 0x0A { break }
                if byte == 0x22 || byte == 0x0D || byte >= 0x80 {
                    chunk.needsFullReader = true
                    return chunk
                }
                if byte == delimiter {
                    chunk.ends.append(chunk.bytes.count)
                    fields += 1
                } else {
                    chunk.bytes.append(byte)
                }
                position += 1
            }
            position += 1  // the line feed
            let line = chunk.lineCount
            chunk.lineCount += 1
            if position - 1 == lineStart { continue }  // a blank line
            chunk.ends.append(chunk.bytes.count)
            fields += 1
            if fields != width {
                chunk.ragged = (line, fields)
                chunk.bytes.removeLast(chunk.bytes.count - rowBytes)
                chunk.ends.removeLast(chunk.ends.count - rowEnds)
                return chunk
            }
            chunk.rowLines.append(line)
        }
        return chunk
    }
}
