import Testing
@testable import SegmentCore

/// The parallel reader must produce exactly what the streaming reader does.
@Suite struct ParallelTableReaderTests {
    func sequential(_ text: String) throws -> ParallelTableReader.Cells {
        let table = try TestFiles.table(text)
        return table.withCells { view in
            ParallelTableReader.Cells(columnNames: table.columnNames, rowLines: table.rowLines,
                                      bytes: Array(view.bytes), ends: Array(view.ends))
        }
    }

    func parallel(_ text: String, chunkSize: Int = 64) throws -> ParallelTableReader.Cells? {
        var text = text
        return try text.withUTF8 { try ParallelTableReader.read($0, dialect: .csv, name: "in.csv", threads: 3, chunkSize: chunkSize) }
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
                #expect(actual.ends == expected.ends)
                #expect(actual.bytes == expected.bytes)
            }
        }
    }

    @Test func missingFinalNewline() throws {
        let text = "a,b\n1,2\n3,4"
        #expect(try parallel(text)?.ends == (try sequential(text)).ends)
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
                try ParallelTableReader.read(UnsafeBufferPointer($0), dialect: .csv, name: "in.csv", threads: 2, chunkSize: 4)
            }
        }
    }

    @Test func oneColumnFilesAreLeftToTheStreamingReader() throws {
        #expect(try parallel("a\n1\n\n2\n") == nil)
    }
}
