import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The parallel reader must produce exactly what the streaming reader does.
@Suite struct ParallelTableReaderTests {
    func sequential(_ text: String) throws -> Table {
        try TestFiles.table(text)
    }

    func parallel(_ text: String, chunkSize: Int = 64) throws -> ParallelTableReader.Cells? {
        var text = text
        return try text.withUTF8 {
            try ParallelTableReader.read(InputBytes(copying: $0), dialect: .csv, name: "in.csv", threads: 3, chunkSize: chunkSize)
        }
    }

    func generated(rows: Int) -> String {
        var generator = SplitMix64(seed: 3)
        var text = "id,city,x,y\n"
        for row in 0..<rows {
            if row % 37 == 5 { text += "\n" }   // blank lines are skipped
            let city = ["Zürich", "Oslo", "", "São Paulo"][Int(generator.next() % 4)]
            text += "\(row),\(city),\(generator.next() % 1000),\(Double(generator.next() % 10_000) / 100)\n"
        }
        return text
    }

    @Test func matchesTheStreamingReader() throws {
        for rows in [1, 2, 50, 997] {
            let text = generated(rows: rows)
            let expected = try sequential(text)
            for chunkSize in [16, 64, 1000, 1 << 20] {
                let actual = try #require(try parallel(text, chunkSize: chunkSize))
                #expect(actual.columnNames == expected.columnNames)
                #expect(actual.rowLines == expected.rowLines, "rows \(rows) chunk \(chunkSize)")
                #expect(actual.contents == expected.cellContents)
            }
        }
    }

    @Test func missingFinalNewline() throws {
        let text = "a,b\n1,2\n3,4"
        #expect(try parallel(text)?.contents == (try sequential(text)).cellContents)
    }

    @Test func raggedRowReportsTheSameLine() throws {
        var text = generated(rows: 300)
        text += "301,Oslo,5\n"
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(throws: CSVError.fieldCountMismatch(file: "in.csv", line: lineCount, expected: 4, found: 3)) {
            try parallel(text)
        }
    }

    @Test func raggedRowsWhoseCountsBalanceAreFound() throws {
        // 3 + 1 fields on two rows add up to 2 × 2: the first is reported.
        #expect(throws: CSVError.fieldCountMismatch(file: "in.csv", line: 3, expected: 2, found: 3)) {
            try parallel("a,b\n1,2\n1,2,3\n4\n5,6\n", chunkSize: 4)
        }
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() throws {
        var bytes = Array("a,b\n1,x\n2,".utf8) + [0xFF] + Array("\n".utf8)
        #expect(throws: CSVError.invalidUTF8(file: "in.csv", line: 3, column: 2)) {
            try bytes.withUnsafeMutableBufferPointer {
                try ParallelTableReader.read(InputBytes(copying: UnsafeBufferPointer($0)), dialect: .csv, name: "in.csv", threads: 2, chunkSize: 4)
            }
        }
    }

    /// Fields longer than a machine word, blank lines at chunk starts and a
    /// last line without a line feed: the block-at-a-time search must stop
    /// at each delimiter and never run into the next chunk's bytes.
    @Test func longFieldsAndBlankLinesAtChunkEdges() throws {
        var generator = SplitMix64(seed: 5)
        var text = "name,note,value\n"
        for row in 0..<400 {
            let length = Int(generator.next() % 40)
            let note = String(repeating: "abcdefghij", count: 4).prefix(length)
            text += "customer-\(row)-\(String(repeating: "x", count: row % 23)),\(note),\(Double(row) * 1.25)\n"
            if row % 17 == 0 { text += "\n\n" }
        }
        text += "last,,7"
        let expected = try sequential(text)
        for chunkSize in [1, 7, 33, 256] {
            let actual = try #require(try parallel(text, chunkSize: chunkSize))
            #expect(actual.rowLines == expected.rowLines, "chunk \(chunkSize)")
            #expect(actual.contents == expected.cellContents, "chunk \(chunkSize)")
        }
    }

    /// Chunks are checked in parallel, each stopping at its first bad line;
    /// the error reported is the file's first, whichever its kind, as the
    /// streaming reader reports it.
    @Test func theFirstBadLineOfTheFileIsReported() throws {
        var rows = (0..<300).map { "\($0),\($0 * 2)" }
        rows[250] = "250,500,extra"
        var early = Array(("a,b\n" + rows.joined(separator: "\n") + "\n").utf8)
        let badByte = early.firstIndex(of: UInt8(ascii: "7"))!  // in row "7,14" on line 9
        early[badByte] = 0xFF
        #expect(throws: CSVError.invalidUTF8(file: "in.csv", line: 9, column: 1)) {
            try early.withUnsafeBufferPointer {
                try ParallelTableReader.read(InputBytes(copying: $0), dialect: .csv, name: "in.csv", threads: 3, chunkSize: 64)
            }
        }
        rows[250] = "250,500"
        rows[20] = "20"
        do {
            _ = try sequential("a,b\n" + rows.joined(separator: "\n") + "\n")
            Issue.record("the streaming reader accepted a ragged row")
        } catch let error as CSVError {
            guard case .fieldCountMismatch(_, line: 22, expected: 2, found: 1) = error else {
                Issue.record("streaming reader: \(error)")
                return
            }
        }
        var late = Array(("a,b\n" + rows.joined(separator: "\n") + "\n").utf8)
        late[late.count - 3] = 0xFF  // in the last row, line 301
        #expect(throws: CSVError.fieldCountMismatch(file: "in.csv", line: 22, expected: 2, found: 1)) {
            try late.withUnsafeBufferPointer {
                try ParallelTableReader.read(InputBytes(copying: $0), dialect: .csv, name: "in.csv", threads: 3, chunkSize: 64)
            }
        }
    }

    @Test func oneColumnFilesAreLeftToTheStreamingReader() throws {
        #expect(try parallel("a\n1\n\n2\n") == nil)
    }
}
