import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// CSV quoting, JSON text and atomic output files.
@Suite struct OutputTests {
    @Test func quotingOnlyWhenNeeded() {
        #expect(CSVQuoting.quoted("plain") == "plain")
        #expect(CSVQuoting.quoted("a,b") == "\"a,b\"")
        #expect(CSVQuoting.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVQuoting.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVQuoting.quoted(" padded") == "\" padded\"")
        #expect(CSVQuoting.quoted("a\tb", delimiter: 0x09) == "\"a\tb\"")
    }

    @Test func passThroughRowsMatchAPlainFormatter() throws {
        let table = try TestFiles.table("id,name,x\n1,\"a,b\",3\n2,\" lead\",4\n3,\"q\"\"uote\",5\n4,plain,6\n5,\"multi\nline\",7\n-6,,8\n7,tab\there,9\n8,trail ,0\n"
                                     + "9,abcdefghijklmnopqrstuvwxyz0123456789,1\n10,\"0123456789abcdef,xyz\",2\n11,0123456789abcdef\tx,3\n")
        let appended: [Int?] = [0, nil, -12, Int.max, Int.min, 5, 1_000_000_000_000_000_000, 9, 10, 11, nil]
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: "\t")] {
            let separator = String(UnicodeScalar(delimiter))
            let bytes = table.withCells { cells in
                appended.withUnsafeBufferPointer { RecordWriter.passThroughBytes(0..<table.rowCount, of: cells, appending: $0, delimiter: delimiter) }
            }
            // The plain rule: quote a cell holding the delimiter, a quote or a
            // line break, or starting or ending with a space; double its quotes.
            var expected = ""
            for row in 0..<table.rowCount {
                var fields = (0..<table.columnCount).map { column -> String in
                    let text = table.string(row: row, column: column)
                    let special = text.contains(separator) || text.contains("\"") || text.contains("\n") || text.hasPrefix(" ") || text.hasSuffix(" ")
                    return special ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
                }
                fields.append(appended[row].map { String($0) } ?? "")
                expected += fields.joined(separator: separator) + "\n"
            }
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }

    /// Plain cells of every length from 0 to 40 bytes (copied as one
    /// 16-byte block, then by words, or byte by byte near the end of the
    /// cell buffer) come out exactly as they went in.
    @Test func passThroughCopiesCellsOfEveryLength() throws {
        var generator = SplitMix64(seed: 17)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789.-".utf8)
        var csv = "a,b,c\n"
        var rows: [[String]] = []
        for row in 0..<300 {
            let cells = (0..<3).map { column -> String in
                let length = (row * 3 + column) % 41
                return String(decoding: (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self)
            }
            rows.append(cells)
            csv += cells.joined(separator: ",") + "\n"
        }
        let table = try TestFiles.table(csv)
        let appended = [Int?](repeating: 7, count: table.rowCount)
        let bytes = table.withCells { cells in
            appended.withUnsafeBufferPointer { RecordWriter.passThroughBytes(0..<table.rowCount, of: cells, appending: $0, delimiter: 0x2C) }
        }
        #expect(String(decoding: bytes, as: UTF8.self) == rows.map { $0.joined(separator: ",") + ",7\n" }.joined())
    }

    /// Many waves of blocks, each written by one worker while the others
    /// format the next: the file is the same for any thread count, and equal
    /// to the rows formatted in one go.
    @Test func passThroughFileIsTheSameForAnyThreadCount() throws {
        let rowCount = RecordWriter.passThroughBlockRows * 11 + 123
        var text = "id,name,x\n"
        for row in 0..<rowCount { text += "\(row),n\(row % 97),\(Double(row) / 4)\n" }
        let table = try TestFiles.table(text)
        let appended: [Int?] = (0..<rowCount).map { $0 % 5 == 0 ? nil : $0 % 7 }
        let expected = "id,name,x,segment\n" + String(decoding: table.withCells { cells in
            appended.withUnsafeBufferPointer { RecordWriter.passThroughBytes(0..<rowCount, of: cells, appending: $0, delimiter: 0x2C) }
        }, as: UTF8.self)
        for threads in [1, 2, 3] {
            let path = try TestFiles.temporary("", name: "rows-\(threads).csv")
            let sink = try OutputSink(.file(path))
            let writer = try RecordWriter(sink: sink, format: .csv, header: ["id", "name", "x", "segment"])
            try writer.write(rowsOf: table, appendingIntegers: appended, threads: threads)
            try writer.finish()
            try sink.commit()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "threads \(threads)")
        }
    }

    /// Runs of bytes at least as long as the sink's buffer bypass it; the
    /// bytes still land in order around small writes.
    @Test func largeWritesKeepTheirPlace() throws {
        let path = try TestFiles.temporary("", name: "large.bin")
        let sink = try OutputSink(.file(path))
        let large = [UInt8](repeating: UInt8(ascii: "b"), count: 200_000)
        try sink.write("a")
        try large.withUnsafeBufferPointer { try sink.write(bytes: $0) }
        try sink.write(byte: UInt8(ascii: "c"))
        try large.withUnsafeBufferPointer { try sink.write(bytes: UnsafeBufferPointer(rebasing: $0[0..<70_000])) }
        try sink.write("d")
        try sink.commit()
        let expected = "a" + String(repeating: "b", count: 200_000) + "c" + String(repeating: "b", count: 70_000) + "d"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    /// Outputs far larger than the sink's buffer hold every byte in order.
    @Test func longOutputsAreWrittenInOrder() throws {
        let path = try TestFiles.temporary("", name: "long.bin")
        let sink = try OutputSink(.file(path))
        let blockSize = 1 << 20, blocks = 67
        for block in 0..<blocks {
            let bytes = [UInt8](repeating: UInt8(block % 251), count: blockSize)
            try bytes.withUnsafeBufferPointer { try sink.write(bytes: $0) }
        }
        try sink.commit()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.count == blocks * blockSize)
        #expect((0..<blocks).allSatisfy { written[$0 * blockSize] == UInt8($0 % 251) && written[($0 + 1) * blockSize - 1] == UInt8($0 % 251) })
    }

    @Test func jsonEscapesAndNumbers() {
        #expect(JSONText.string("a\"b\\c\n\u{01}") == "\"a\\\"b\\\\c\\n\\u0001\"")
        #expect(JSONText.value(.number(.nan)) == "null")
        #expect(JSONText.value(.numberText("007")) == "7")
        #expect(JSONText.value(.numberText("-1.5e3")) == "-1.5e3")
        #expect(JSONText.value(.numberText("+2")) == "2")
        #expect(formatNumber(100.0) == "100")
        #expect(formatNumber(0.1) == "0.1")
    }

    @Test func abandonedOutputLeavesTheExistingFileUntouched() throws {
        let path = try TestFiles.temporary("old contents\n", name: "out.csv")
        let sink = try OutputSink(.file(path))
        try sink.write("new contents that never land\n")
        try sink.flush()
        sink.abandon()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old contents\n")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(siblings == ["out.csv"])
    }

    @Test func largeExistingFileStaysIntactUntilTheCommit() throws {
        // A file larger than the sink's buffer, replaced only on commit.
        let line = "0123456789,abcdefghij,klmnopqrstuvwxyz\n"
        let old = String(repeating: line, count: (8 << 20) / line.utf8.count)
        let path = try TestFiles.temporary(old, name: "large.csv")
        let abandoned = try OutputSink(.file(path))
        try abandoned.write("never lands\n")
        abandoned.abandon()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == old)
        let committed = try OutputSink(.file(path))
        try committed.write("new\n")
        try committed.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    }

    @Test func committedOutputReplacesTheFile() throws {
        let path = try TestFiles.temporary("old\n", name: "out.csv")
        try writeFileAtomically("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    }

    @Test func batchCommitsTogetherOrNotAtAll() throws {
        let first = try TestFiles.temporary("old one\n", name: "one.csv")
        let folder = (first as NSString).deletingLastPathComponent
        let second = folder + "/two.json"
        try "old two\n".write(toFile: second, atomically: false, encoding: .utf8)
        do {
            // Released without commitAll (a failing run): both stay as they were.
            let batch = OutputBatch()
            try batch.open(.file(first)).write("new one\n")
            try batch.open(.file(second)).write("new two\n")
        }
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "old one\n")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == "old two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["one.csv", "two.json"])
        let batch = OutputBatch()
        try batch.open(.file(first)).write("new one\n")
        try batch.open(.file(second)).write("new two\n")
        try batch.commitAll()
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "new one\n")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == "new two\n")
    }

    @Test func outputPathErrorsSayHowToFixThem() {
        #expect(throws: SegmentError.writeFailed(path: "/nonexistent-dir/out.csv", reason: "the directory '/nonexistent-dir' does not exist; create it or write elsewhere")) {
            try OutputSink(.file("/nonexistent-dir/out.csv"))
        }
        #expect(throws: SegmentError.writeFailed(path: "/tmp", reason: "it is a directory; give a file name")) {
            try OutputSink(.file("/tmp"))
        }
    }

    @Test func recordWriterFormats() throws {
        let path = try TestFiles.temporary("", name: "out.json")
        let sink = try OutputSink(.file(path))
        let writer = try RecordWriter(sink: sink, format: .json, header: ["name", "k"])
        try writer.write([.text("a,b"), .integer(3)])
        try writer.write([.missing, .number(0.5)])
        try writer.finish()
        try sink.commit()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "[\n{\"name\":\"a,b\",\"k\":3},\n{\"name\":null,\"k\":0.5}\n]\n")
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
