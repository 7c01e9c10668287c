import SegmentBase

extension ByteReader {
    /// Reads everything that is left.
    /// - Throws: `SegmentError.readFailed` on an I/O error.
    public func readAll() throws -> [UInt8] {
        var bytes: [UInt8] = []
        let blockSize = 1 << 16
        var block = [UInt8](repeating: 0, count: blockSize)
        while true {
            let count = try block.withUnsafeMutableBytes { try read(into: $0.baseAddress!, capacity: blockSize) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: block[0..<count])
        }
    }
}
