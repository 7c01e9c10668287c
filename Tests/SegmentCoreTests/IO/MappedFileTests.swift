import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The parallel search that decides whether a file can be read in parallel.
@Suite struct MappedFileTests {
    /// Every position of a `"` or carriage return, in any block (blocks of
    /// 7 bytes over 40), is found for 1 and 3 threads; clean and empty
    /// inputs pass.
    @Test func findsQuotesAndCarriageReturnsInAnyBlock() {
        let clean = Array("a,b\n1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n13,14\n".utf8)
        for threads in [1, 3] {
            clean.withUnsafeBufferPointer { #expect(MappedFile.isQuoteFree($0, threads: threads, blockSize: 7)) }
            [UInt8]().withUnsafeBufferPointer { #expect(MappedFile.isQuoteFree($0, threads: threads, blockSize: 7)) }
            for position in clean.indices {
                for byte in [UInt8(ascii: "\""), 0x0D] {
                    var bytes = clean
                    bytes[position] = byte
                    bytes.withUnsafeBufferPointer {
                        #expect(!MappedFile.isQuoteFree($0, threads: threads, blockSize: 7), "byte \(byte) at \(position)")
                    }
                }
            }
        }
    }
}
