import Testing
@testable import SegmentBase
@testable import SegmentIO

/// The chunk scanner against plain reference splits of random texts.
@Suite struct CellWalkerTests {
    /// A random text over line feeds, commas, tabs, digits, points, minus
    /// signs, an ASCII letter and a high byte; lengths around the walker's 16-byte blocks and the
    /// counter's 4096-byte blocks.
    func texts() -> [[UInt8]] {
        var generator = SplitMix64(seed: 11)
        let alphabet: [UInt8] = Array("\n,\taaa1234567890.-".utf8) + [0xC3]
        return [0, 1, 2, 15, 16, 17, 31, 33, 255, 256, 257, 4095, 4096, 4097, 9000].map { length in
            (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        }
    }

    /// Everything a walk reports, in order.
    struct Recorder: CellVisitor {
        var events: [String] = []
        mutating func blankLine() -> Bool { events.append("blank"); return true }
        mutating func cell(_ cell: UnsafeBufferPointer<UInt8>, column: Int, plainNumber: (value: Double, isInteger: Bool)?) -> Bool {
            events.append("cell \(column) \(Array(cell))")
            let expected = CellParsing.parsePlainNumber(cell)
            #expect(plainNumber?.value.bitPattern == expected?.value.bitPattern && plainNumber?.isInteger == expected?.isInteger)
            return true
        }
        mutating func lineEnd(_ line: UnsafeBufferPointer<UInt8>, fields: Int) -> Bool {
            events.append("end \(fields) \(Array(line))")
            return true
        }
    }

    /// The events of `Recorder` from splitting `text` by line feeds, then by `delimiter`.
    func reference(_ text: [UInt8], delimiter: UInt8) -> [String] {
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
        if text.last == 0x0A || text.isEmpty { lines.removeLast() }  // no line after the last line feed
        return lines.flatMap { line -> [String] in
            if line.isEmpty { return ["blank"] }
            let cells = line.split(separator: delimiter, omittingEmptySubsequences: false)
            return cells.enumerated().map { "cell \($0.offset) \(Array($0.element))" } + ["end \(cells.count) \(Array(line))"]
        }
    }

    @Test func walksTheCellsAndLinesOfAPlainSplit() {
        for text in texts() {
            for delimiter: UInt8 in [0x2C, 0x09] {
                var recorder = Recorder()
                let walked = text.withUnsafeBufferPointer { CellWalker(delimiter: delimiter).walk($0, &recorder) }
                #expect(walked)
                #expect(recorder.events == reference(text, delimiter: delimiter), "length \(text.count)")
            }
        }
    }

    @Test func countsMatchAPlainCount() {
        for text in texts() {
            let walker = CellWalker(delimiter: 0x2C)
            let counts = text.withUnsafeBufferPointer { walker.count($0, countingDelimiters: true) }
            let lineFeeds = text.filter { $0 == 0x0A }.count, delimiters = text.filter { $0 == 0x2C }.count
            let blankLines = text.indices.filter { text[$0] == 0x0A && ($0 == 0 || text[$0 - 1] == 0x0A) }.count
            #expect(counts.lineFeeds == lineFeeds && counts.delimiters == delimiters && counts.blankLines == blankLines)
            #expect(counts.rows == text.split(separator: 0x0A, omittingEmptySubsequences: true).count, "length \(text.count)")
            #expect(counts.cellBytes == text.count - lineFeeds - delimiters)
            #expect(counts.hasHighBytes == text.contains(0xC3))
            let lineCounts = text.withUnsafeBufferPointer { walker.count($0, countingDelimiters: false) }
            #expect(lineCounts.rows == counts.rows && lineCounts.lineFeeds == lineFeeds && lineCounts.hasHighBytes == counts.hasHighBytes)
            #expect(lineCounts.delimiters == 0 && lineCounts.cellBytes == 0)
        }
    }

    @Test func findsCellsAndLineStartsAtAnyOffset() {
        for text in texts() {
            text.withUnsafeBufferPointer { buffer in
                let walker = CellWalker(delimiter: 0x2C)
                for offset in 0..<text.count {
                    let end = text[offset...].firstIndex { $0 == 0x2C || $0 == 0x0A } ?? text.count
                    #expect(Array(walker.cell(at: offset, of: buffer)) == Array(text[offset..<end]))
                    let next = text[offset...].firstIndex(of: 0x0A).map { $0 + 1 }
                    #expect(walker.lineStart(after: offset, in: buffer) == (next.map { $0 < text.count ? $0 : nil } ?? nil))
                }
            }
        }
    }

    @Test func stopsWhenTheVisitorSaysSo() {
        struct FirstCell: CellVisitor {
            var cells = 0
            mutating func blankLine() -> Bool { true }
            mutating func cell(_ cell: UnsafeBufferPointer<UInt8>, column: Int, plainNumber: (value: Double, isInteger: Bool)?) -> Bool {
                cells += 1
                return false
            }
            mutating func lineEnd(_ line: UnsafeBufferPointer<UInt8>, fields: Int) -> Bool { true }
        }
        var visitor = FirstCell()
        let walked = Array("a,b\nc,d\n".utf8).withUnsafeBufferPointer { CellWalker(delimiter: 0x2C).walk($0, &visitor) }
        #expect(!walked && visitor.cells == 1)
    }
}
