import SegmentBase

extension RecordWriter {
    /// Whether the format writes input cells through unchanged (CSV and TSV),
    /// so `write(cells:count:appending:)` can be used.
    public var passesCellsThrough: Bool { format.passesCellsThrough }

    /// Writes one row whose first `count` fields are raw input cells, copied
    /// byte for byte (quoted only where the output delimiter needs it), then
    /// `appended` values. For CSV and TSV only: the fast path for commands
    /// that echo their input rows with a new column.
    /// - Precondition: `passesCellsThrough` and `count + appended.count == header.count`.
    public func write(cells: (Int) -> UnsafeBufferPointer<UInt8>, count: Int, appending appended: [OutputValue]) throws {
        precondition(passesCellsThrough, "raw cells can only be written as CSV or TSV")
        precondition(count + appended.count == header.count, "row has \(count + appended.count) values, header has \(header.count)")
        let delimiter: UInt8 = format == .tsv ? 0x09 : 0x2C
        for index in 0..<count {
            if index > 0 { try sink.write(byte: delimiter) }
            try CSVQuoting.write(cells(index), delimiter: delimiter, to: sink)
        }
        for (index, value) in appended.enumerated() {
            if index + count > 0 { try sink.write(byte: delimiter) }
            try sink.write(CSVQuoting.quoted(value.text, delimiter: delimiter))
        }
        try sink.write(byte: 0x0A)
        sink.endRecord()
        rowsWritten += 1
    }
}

extension RecordWriter {
    /// Rows formatted per parallel block by `write(rowsOf:appendingIntegers:threads:)`.
    static let passThroughBlockRows = 8_192

    /// Writes every row of `table` byte for byte (CSV/TSV, quoted only where
    /// the output delimiter needs it) plus one appended whole number per row
    /// (`nil`: an empty field). Rows are formatted in waves of blocks, the
    /// blocks of a wave in parallel, and written in order: one worker writes
    /// a wave while the others format the next, then joins them. The output
    /// is the same for any thread count and memory stays bounded.
    /// - Precondition: `passesCellsThrough`, `appended.count == table.rowCount`
    ///   and the header has `table.columnCount + 1` fields.
    public func write(rowsOf table: Table, appendingIntegers appended: [Int?], threads: Int) throws {
        precondition(passesCellsThrough, "raw cells can only be written as CSV or TSV")
        precondition(appended.count == table.rowCount && header.count == table.columnCount + 1, "one appended value per row")
        let delimiter: UInt8 = format == .tsv ? 0x09 : 0x2C
        let rowCount = table.rowCount
        let waveRows = Self.passThroughBlockRows * 4 * max(1, threads)
        try table.withCells { cells in
            try appended.withUnsafeBufferPointer { appended in
                // Blocks only read the cells and labels and return their own bytes.
                let shared = UncheckedSendable((cells, appended))
                var written: [[UInt8]] = [], failure: (any Error)?
                var start = 0
                while start < rowCount || !written.isEmpty {
                    let first = start, wave = written
                    let chunks = ParallelChunks(count: min(waveRows, rowCount - first), chunkSize: Self.passThroughBlockRows, threads: threads)
                    written = chunks.mapChunks(alongside: wave.isEmpty ? nil : {
                        do {
                            for block in wave {
                                try block.withUnsafeBufferPointer { try self.sink.write(bytes: $0) }
                                self.sink.endRecord()
                            }
                        } catch {
                            failure = error
                        }
                    }) { _, offsets in
                        let (cells, appended) = shared.value
                        return Self.passThroughBytes((first + offsets.lowerBound)..<(first + offsets.upperBound), of: cells,
                                                     appending: appended, delimiter: delimiter)
                    }
                    if let failure { throw failure }
                    start += chunks.count
                }
            }
        }
        rowsWritten += table.rowCount
    }

    /// The output lines of `rows`: each row's cells (quoted where needed)
    /// and its appended number, written straight into one buffer sized for
    /// the worst case. A row without a delimiter, quote or line break
    /// anywhere (one branch-free scan) copies its cells unexamined unless
    /// one starts or ends with a space. Cells in place in a quote-free
    /// input with the output's delimiter need no scan, and a row of them
    /// without any space is copied whole, as one block.
    static func passThroughBytes(_ rows: Range<Int>, of cells: CellView, appending appended: UnsafeBufferPointer<Int?>,
                                 delimiter: UInt8) -> [UInt8] {
        let columns = cells.columnCount
        guard !rows.isEmpty else { return [] }
        let byteCount = cells.rowEnd(rows.upperBound - 1) - cells.rowStart(rows.lowerBound)
        // In place, the only delimiters in a row are its separators, and no
        // cell holds a quote or line break (`MappedFile.quoteFreeInput`).
        let verbatim = cells.delimiter == delimiter
        // Worst case: every byte a doubled quote, every cell quoted, a
        // delimiter per field, a sign and 19 digits, a line feed; and room
        // for `copyWords` to write past the last cell.
        let capacity = 2 * byteCount + rows.count * (3 * columns + 23) + CSVQuoting.copyWordsSlack
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, written in
            let base = buffer.baseAddress!
            var out = base
            let bytes = cells.bytes.baseAddress!
            for row in rows {
                let rowStart = cells.rowStart(row), rowEnd = cells.rowEnd(row)
                if verbatim && !CSVQuoting.containsSpace(bytes + rowStart, count: rowEnd - rowStart) {
                    copy(UnsafeBufferPointer(start: bytes + rowStart, count: rowEnd - rowStart), to: out, within: cells.bytes)
                    out += rowEnd - rowStart
                } else {
                    let plain = verbatim || !CSVQuoting.containsSpecialByte(bytes + rowStart, count: rowEnd - rowStart, delimiter: delimiter)
                    var start = rowStart
                    for column in 0..<columns {
                        let end = rowStart + Int(cells.ends[row * columns + column])
                        if column > 0 {
                            out.pointee = delimiter
                            out += 1
                        }
                        let cell = UnsafeBufferPointer(start: bytes + start, count: end - start)
                        if plain && !CSVQuoting.hasEdgeSpace(cell) {
                            copy(cell, to: out, within: cells.bytes)
                            out += cell.count
                        } else {
                            out = CSVQuoting.write(cell, delimiter: delimiter, to: out)
                        }
                        start = end + cells.separatorWidth
                    }
                }
                out.pointee = delimiter
                out += 1
                if let value = appended[row] { out = CSVQuoting.writeDecimal(value, to: out) }
                out.pointee = 0x0A
                out += 1
            }
            written = base.distance(to: out)
        }
    }

    /// Copies `bytes` (part of `buffer`) to `out`: with `copyWords` when
    /// `buffer` has its slack after them, else byte by byte.
    @inline(__always)
    static func copy(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>, within buffer: UnsafeBufferPointer<UInt8>) {
        if buffer.baseAddress!.distance(to: bytes.baseAddress!) + bytes.count + CSVQuoting.copyWordsSlack <= buffer.count {
            CSVQuoting.copyWords(bytes, to: out)
        } else {
            for index in 0..<bytes.count { out[index] = bytes[index] }
        }
    }
}

extension CSVQuoting {
    /// Whether any of `count` bytes is the delimiter, a quote or a line
    /// break: eight bytes at a time with the exact "has a zero byte" test
    /// `(v − 0x01…01) & ~v & 0x80…80` applied to `word XOR pattern`.
    @inlinable
    public static func containsSpecialByte(_ bytes: UnsafePointer<UInt8>, count: Int, delimiter: UInt8) -> Bool {
        @inline(__always) func hasByte(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            ByteWords.zeroBytes(word ^ ByteWords.repeated(byte))
        }
        return containsByte(bytes, count: count,
                            inWord: { hasByte($0, delimiter) | hasByte($0, 0x22) | hasByte($0, 0x0A) | hasByte($0, 0x0D) },
                            isByte: { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
    }

    /// Whether any of `count` bytes is a space, eight bytes at a time.
    @inlinable
    public static func containsSpace(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        containsByte(bytes, count: count, inWord: { ByteWords.zeroBytes($0 ^ ByteWords.repeated(0x20)) }, isByte: { $0 == 0x20 })
    }

    /// Whether any of `count` bytes is one being looked for: `inWord` marks
    /// them in a word of eight (nonzero when there is one), `isByte` tests
    /// one of the last bytes.
    @inlinable @inline(__always)
    public static func containsByte(_ bytes: UnsafePointer<UInt8>, count: Int, inWord: (UInt64) -> UInt64,
                                    isByte: (UInt8) -> Bool) -> Bool {
        var index = 0
        var found: UInt64 = 0
        while index + 8 <= count {
            found |= inWord(UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
            index += 8
        }
        while index < count {
            found |= isByte(bytes[index]) ? 1 : 0
            index += 1
        }
        return found != 0
    }

    /// Copies a cell (or a whole row) to `out` in 16-byte blocks, writing
    /// (and reading) up to `copyWordsSlack − 1` bytes past its end: the
    /// source must have `copyWordsSlack` readable bytes after the cell and
    /// the destination room for them. A cell of up to 16 bytes (most) is
    /// copied without a loop, so its length costs no mispredicted branch.
    @inlinable
    public static func copyWords(_ cell: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) {
        let source = UnsafeRawPointer(cell.baseAddress!), target = UnsafeMutableRawPointer(out)
        target.storeBytes(of: source.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
        var index = 16
        while index < cell.count {
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self), toByteOffset: index,
                              as: SIMD16<UInt8>.self)
            index += 16
        }
    }

    /// Bytes `copyWords` may read and write past a cell's end, plus one.
    public static let copyWordsSlack = 16

    /// Whether a cell starts or ends with a space (which CSV readers may trim, so it is quoted).
    @inlinable
    public static func hasEdgeSpace(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first, let last = cell.last else { return false }
        return first == 0x20 || last == 0x20
    }

    /// Writes raw cell bytes at `out`, quoting them when needed; returns the
    /// position after them. `out` must have room for `2 × count + 2` bytes.
    @inlinable
    public static func write(_ cell: UnsafeBufferPointer<UInt8>, delimiter: UInt8, to out: UnsafeMutablePointer<UInt8>)
        -> UnsafeMutablePointer<UInt8> {
        var out = out
        let quoted = needsQuotes(cell, delimiter: delimiter)
        if quoted {
            out.pointee = 0x22
            out += 1
        }
        for byte in cell {
            if quoted && byte == 0x22 {
                out.pointee = 0x22
                out += 1
            }
            out.pointee = byte
            out += 1
        }
        if quoted {
            out.pointee = 0x22
            out += 1
        }
        return out
    }

    /// Writes the decimal digits of `value` (with a leading `-` if negative)
    /// at `out`; returns the position after them. Needs room for 20 bytes.
    @inlinable
    public static func writeDecimal(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var out = out
        if value < 0 {
            out.pointee = 0x2D
            out += 1
        }
        var magnitude = value.magnitude
        var digitCount = 1
        var scale: UInt = 10
        while digitCount < 20 && magnitude >= scale {
            digitCount += 1
            if digitCount < 20 { scale *= 10 }
        }
        for position in stride(from: digitCount - 1, through: 0, by: -1) {
            out[position] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
        }
        return out + digitCount
    }
}
