import SegmentBase

/// A streaming RFC 4180 reader over bytes: quoted fields, embedded delimiters
/// and newlines, `""` escapes, CRLF or LF line ends, a leading UTF-8 byte-order
/// mark, and any one-byte delimiter (TSV included).
///
/// It reads the input in 1 MiB blocks and never holds more than one record's
/// fields at a time, so arbitrarily large inputs stream in bounded memory.
/// Records whose field count differs from the first record's are rejected
/// with their line number; a single-column file keeps empty lines as empty
/// fields, wider files skip blank lines. Fields containing bytes above 0x7F
/// are validated as UTF-8.
public final class CSVReader {
    /// The input's display name, used in error messages.
    public let name: String
    /// The input's size in bytes when it is a regular file.
    public var sizeHint: Int? { reader.sizeHint }
    /// Bytes read from the input so far (for progress over `sizeHint`).
    @exclusivity(unchecked) public private(set) var bytesRead = 0
    private let reader: ByteReader
    private let delimiter: UInt8

    // The scanning state below is touched for every byte. A reader belongs
    // to one thread and its state is only mutated by its own methods, never
    // through overlapping accesses, so runtime exclusivity checks are off.

    @exclusivity(unchecked) private var block: UnsafeMutablePointer<UInt8>
    private let blockCapacity = 1 << 20
    @exclusivity(unchecked) private var blockCount = 0
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var atEnd = false
    @exclusivity(unchecked) private var startOfInput = true

    @exclusivity(unchecked) private var fieldBytes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var fieldCapacity = 4096
    @exclusivity(unchecked) private var fieldLength = 0
    @exclusivity(unchecked) private var ends: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var endsCapacity = 64
    @exclusivity(unchecked) private var fieldCount = 0

    @exclusivity(unchecked) private var line = 1
    /// Field count every record must have; set from the first record.
    public private(set) var expectedFieldCount: Int?

    /// Opens `source` for reading with `dialect`'s delimiter.
    /// - Throws: `SegmentError.cannotOpen` when the file cannot be read.
    public convenience init(source: InputSource, dialect: CSVDialect) throws {
        self.init(reader: try ByteReader(source), dialect: dialect)
    }

    /// Reads in-memory `bytes` (tests and fuzzing); `name` appears in errors.
    convenience init(bytes: [UInt8], name: String = "<memory>", dialect: CSVDialect) {
        self.init(reader: ByteReader(bytes: bytes, name: name), dialect: dialect)
    }

    private init(reader: ByteReader, dialect: CSVDialect) {
        self.reader = reader
        name = reader.name
        delimiter = dialect.delimiter
        block = .allocate(capacity: blockCapacity)
        fieldBytes = .allocate(capacity: fieldCapacity)
        ends = .allocate(capacity: endsCapacity)
    }

    deinit {
        block.deallocate()
        fieldBytes.deallocate()
        ends.deallocate()
    }

    /// Refills the block; returns false at end of input.
    private func refill() throws -> Bool {
        if atEnd { return false }
        blockCount = try reader.read(into: block, capacity: blockCapacity)
        bytesRead += blockCount
        position = 0
        if blockCount == 0 { atEnd = true; return false }
        if startOfInput {
            startOfInput = false
            if blockCount >= 3, block[0] == 0xEF, block[1] == 0xBB, block[2] == 0xBF { position = 3 }
        }
        return true
    }

    /// Appends one byte; capacity was reserved for the whole current block
    /// by `reserveForBlock()` (a byte of input adds at most one field byte).
    @inline(__always)
    private func appendByte(_ byte: UInt8) {
        fieldBytes[fieldLength] = byte
        fieldLength += 1
    }

    /// Makes room for every remaining byte of the current block.
    private func reserveForBlock() {
        let needed = fieldLength + (blockCount - position)
        guard needed > fieldCapacity else { return }
        var capacity = fieldCapacity * 2
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: fieldBytes, count: fieldLength)
        fieldBytes.deallocate()
        fieldBytes = grown
        fieldCapacity = capacity
    }

    @inline(__always)
    private func endField() {
        if fieldCount == endsCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
            grown.update(from: ends, count: fieldCount)
            ends.deallocate()
            ends = grown
            endsCapacity *= 2
        }
        ends[fieldCount] = fieldLength
        fieldCount += 1
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// Reads the next record, or returns `nil` at the end of the input.
    /// - Throws: `CSVError` for an unterminated quote, a ragged record or
    ///   invalid UTF-8; `SegmentError.readFailed` on an I/O error.
    public func nextRecord() throws -> CSVRecord? {
        while true {
            guard let record = try scanRecord() else { return nil }
            if record.count == 1, record.field(0).isEmpty, (expectedFieldCount ?? 2) > 1 {
                continue  // a blank line in a multi-column file
            }
            if let expected = expectedFieldCount {
                if record.count != expected {
                    throw CSVError.fieldCountMismatch(file: name, line: record.line, expected: expected, found: record.count)
                }
            } else {
                expectedFieldCount = record.count
            }
            return record
        }
    }

    /// Scans bytes up to the end of one record.
    private func scanRecord() throws -> CSVRecord? {
        fieldLength = 0
        fieldCount = 0
        var state = State.fieldStart
        var highBits: UInt8 = 0
        let recordLine = line
        var quoteLine = line
        let delimiter = self.delimiter
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        reserveForBlock()

        while true {
            // `while`: a first block holding only the byte-order mark is empty.
            while position == blockCount {
                let refilled = try refill()
                reserveForBlock()
                if !refilled {
                    switch state {
                    case .quoted:
                        throw CSVError.unterminatedQuote(file: name, line: quoteLine)
                    case .fieldStart where fieldCount == 0:
                        return nil
                    default:
                        endField()
                        return try finishRecord(line: recordLine, highBits: highBits)
                    }
                }
            }
            let byte = block[position]
            position += 1
            switch state {
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else {
                    if byte == newline { line += 1 }
                    highBits |= byte
                    appendByte(byte)
                }
            case .quoteInQuoted where byte == quote:
                appendByte(quote)  // "" inside quotes is one quote
                state = .quoted
            case .fieldStart, .unquoted, .quoteInQuoted:
                if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if byte == newline || byte == carriageReturn {
                    if byte == carriageReturn { try skipLineFeed() }
                    line += 1
                    endField()
                    return try finishRecord(line: recordLine, highBits: highBits)
                } else if byte == quote && state == .fieldStart {
                    state = .quoted
                    quoteLine = line
                } else {
                    // Plain text; after a closing quote it is kept as part of
                    // the field (lenient, like most readers).
                    state = .unquoted
                    highBits |= byte
                    appendByte(byte)
                    // Fast path: copy the rest of a plain field in one tight
                    // loop over locals (capacity is reserved for the block).
                    var cursor = position, length = fieldLength
                    let end = blockCount, source = block, target = fieldBytes
                    while cursor < end {
                        let next = source[cursor]
                        if next == delimiter || next == newline || next == carriageReturn { break }
                        highBits |= next
                        target[length] = next
                        length &+= 1
                        cursor &+= 1
                    }
                    position = cursor
                    fieldLength = length
                }
            }
        }
    }

    /// After a carriage return, consumes a following line feed if present.
    private func skipLineFeed() throws {
        if position == blockCount, try !refill() { return }
        if block[position] == UInt8(ascii: "\n") { position += 1 }
    }

    private func finishRecord(line recordLine: Int, highBits: UInt8) throws -> CSVRecord {
        let record = CSVRecord(line: recordLine, count: fieldCount, bytes: fieldBytes, ends: ends)
        if highBits & 0x80 != 0 {
            for index in 0..<fieldCount where !isValidUTF8(record.field(index)) {
                throw CSVError.invalidUTF8(file: name, line: recordLine, column: index + 1)
            }
        }
        return record
    }
}

/// Whether `bytes` is well-formed UTF-8.
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}
