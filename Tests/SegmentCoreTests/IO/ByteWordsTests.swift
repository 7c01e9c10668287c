import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Word-at-a-time byte searches against byte-by-byte loops.
@Suite struct ByteWordsTests {
    @Test func zeroByteMasksMatchPlainLoops() {
        var generator = SplitMix64(seed: 21)
        for _ in 0..<20_000 {
            // Few distinct byte values, so zero bytes (after the XOR) are common.
            let bytes = (0..<8).map { _ in [0x2C, 0x0A, 0x00, 0x01, 0x80, 0xFF, 0x31][Int(generator.next() % 7)] as UInt8 }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            for target in [UInt8(0x2C), 0x0A, 0x00] {
                let probe = word ^ ByteWords.repeated(target)
                let first = bytes.firstIndex(of: target)
                let found = ByteWords.zeroBytes(probe)
                #expect((found == 0 ? nil : found.trailingZeroBitCount >> 3) == first)
            }
        }
    }
}
