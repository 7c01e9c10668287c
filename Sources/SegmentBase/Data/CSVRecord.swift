/// One record of a delimited file: a view of its unescaped fields.
///
/// The view borrows the reader's buffers and is valid only until the next
/// call to `CSVReader.nextRecord()`; copy what must outlive it.
public struct CSVRecord {
    /// The physical line (1-based) on which the record starts.
    public let line: Int
    /// Number of fields.
    public let count: Int
    @usableFromInline let bytes: UnsafePointer<UInt8>
    @usableFromInline let ends: UnsafePointer<Int>

    /// A record of `count` fields whose bytes start at `bytes`, field `i` ending at `ends[i]`.
    package init(line: Int, count: Int, bytes: UnsafePointer<UInt8>, ends: UnsafePointer<Int>) {
        self.line = line
        self.count = count
        self.bytes = bytes
        self.ends = ends
    }

    /// The raw UTF-8 bytes of field `index` (quotes removed, `""` unescaped).
    @inlinable
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(start: bytes + start, count: ends[index] - start)
    }

    /// Field `index` decoded as a `String`.
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// All fields as strings (allocates; not for hot paths).
    public var strings: [String] { (0..<count).map(string) }

    /// The byte length of all fields together.
    public var byteCount: Int { count == 0 ? 0 : ends[count - 1] }

    /// All fields' bytes, back to back, with the end offset of each field:
    /// the form `Table` stores rows in.
    public var rawBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: byteCount) }

    /// The end offsets of the fields within `rawBytes`.
    public var rawEnds: UnsafeBufferPointer<Int> { UnsafeBufferPointer(start: ends, count: count) }
}
