import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The RFC 4180 reader: every edge case and every error message.
@Suite struct CSVReaderTests {
    /// Reads all records of `text` as string arrays.
    func records(_ text: String, dialect: CSVDialect = .csv) throws -> [[String]] {
        try records(bytes: Array(text.utf8), dialect: dialect)
    }

    func records(bytes: [UInt8], dialect: CSVDialect = .csv) throws -> [[String]] {
        let reader = try CSVReader(source: .file(try TestFiles.temporary(bytes: bytes)), dialect: dialect)
        var result: [[String]] = []
        while let record = try reader.nextRecord() { result.append(record.strings) }
        return result
    }

    func lines(_ text: String) throws -> [Int] {
        let reader = try CSVReader(source: .file(try TestFiles.temporary(text)), dialect: .csv)
        var result: [Int] = []
        while let record = try reader.nextRecord() { result.append(record.line) }
        return result
    }

    @Test func plainFields() throws {
        #expect(try records("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func missingFinalNewline() throws {
        #expect(try records("a,b\n1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedFieldsWithDelimitersNewlinesAndEscapedQuotes() throws {
        let text = "name,note\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\n"
        #expect(try records(text) == [["name", "note"], ["Smith, J", "said \"hi\"\nthen left"]])
    }

    @Test func emptyAndQuotedEmptyFields() throws {
        #expect(try records("a,b,c\n,\"\",\n") == [["a", "b", "c"], ["", "", ""]])
    }

    @Test func crlfAndLoneCarriageReturnLineEnds() throws {
        #expect(try records("a,b\r\n1,2\r\n3,4\r5,6\r\n") == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try records(bytes: [0xEF, 0xBB, 0xBF] + Array("id,x\n1,2\n".utf8)) == [["id", "x"], ["1", "2"]])
    }

    @Test func inputOfOnlyAByteOrderMarkIsEmpty() throws {
        #expect(try records(bytes: [0xEF, 0xBB, 0xBF]) == [])
    }

    @Test func tabSeparated() throws {
        #expect(try records("a\tb\n1,5\t2\n", dialect: .tsv) == [["a", "b"], ["1,5", "2"]])
    }

    @Test func blankLinesAreSkippedInWideFilesButKeptInSingleColumnFiles() throws {
        #expect(try records("a,b\n\n1,2\n\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a\n1\n\n3\n") == [["a"], ["1"], [""], ["3"]])
    }

    @Test func textAfterClosingQuoteIsKept() throws {
        #expect(try records("a\n\"x\"y\n") == [["a"], ["xy"]])
    }

    @Test func nonASCIIText() throws {
        #expect(try records("name\nJosé Müller 東京\n") == [["name"], ["José Müller 東京"]])
    }

    @Test func recordLinesCountEmbeddedNewlines() throws {
        #expect(try lines("a,b\n\"x\ny\",1\n2,3\n") == [1, 2, 4])
    }

    @Test func longFieldSpanningReadBlocks() throws {
        let long = String(repeating: "x", count: 3 << 20)
        #expect(try records("a,b\n\"\(long)\",1\n") == [["a", "b"], [long, "1"]])
    }

    @Test func raggedRecordIsAnError() throws {
        let path = try TestFiles.temporary("a,b,c,d\n1,2,3,4\n5,6\n")
        let reader = try CSVReader(source: .file(path), dialect: .csv)
        _ = try reader.nextRecord()
        _ = try reader.nextRecord()
        #expect(throws: CSVError.fieldCountMismatch(file: path, line: 3, expected: 4, found: 2)) { try reader.nextRecord() }
        let mismatch = CSVError.fieldCountMismatch(file: "f.csv", line: 3, expected: 4, found: 2)
        #expect(mismatch.text.rendered { "--" + $0 }
            == "f.csv:3: expected 4 fields, found 2; quote fields that contain the delimiter, or check the delimiter (--delimiter)")
        #expect(mismatch.description
            == "f.csv:3: expected 4 fields, found 2; quote fields that contain the delimiter, or check the delimiter (delimiter)")
    }

    @Test func unterminatedQuoteNamesTheLineWhereItStarts() throws {
        let path = try TestFiles.temporary("a,b\n1,\"open\n2,3\n")
        let reader = try CSVReader(source: .file(path), dialect: .csv)
        _ = try reader.nextRecord()
        #expect(throws: CSVError.unterminatedQuote(file: path, line: 2)) { try reader.nextRecord() }
        #expect(CSVError.unterminatedQuote(file: "f.csv", line: 2).description
            == "f.csv:2: a quoted field starting here is never closed; close it with \" (write a literal quote as \"\")")
    }

    @Test func invalidUTF8NamesLineAndField() throws {
        let path = try TestFiles.temporary(bytes: Array("a,b\n1,ok\n2,".utf8) + [0xC3, 0x28] + [0x0A])
        let reader = try CSVReader(source: .file(path), dialect: .csv)
        _ = try reader.nextRecord()
        _ = try reader.nextRecord()
        #expect(throws: CSVError.invalidUTF8(file: path, line: 3, column: 2)) { try reader.nextRecord() }
        #expect(CSVError.invalidUTF8(file: "f.csv", line: 3, column: 2).description
            == "f.csv:3: field 2 is not valid UTF-8; convert the file to UTF-8 (for example with iconv)")
    }

    @Test func missingFileAndDirectoryAreClearErrors() throws {
        #expect(throws: SegmentError.cannotOpen(path: "/nonexistent/x.csv", reason: "no such file; check the name and the current directory")) {
            try CSVReader(source: .file("/nonexistent/x.csv"), dialect: .csv)
        }
        #expect(throws: SegmentError.cannotOpen(path: "/tmp", reason: "it is a directory, not a file")) {
            try CSVReader(source: .file("/tmp"), dialect: .csv)
        }
    }

    @Test func delimiterChoice() throws {
        #expect(try CSVDialect.forSource(.file("x.tsv"), delimiter: nil, hasHeader: true).delimiter == 0x09)
        #expect(try CSVDialect.forSource(.file("x.csv"), delimiter: "tab", hasHeader: true).delimiter == 0x09)
        #expect(try CSVDialect.forSource(.file("x.csv"), delimiter: ";", hasHeader: true).delimiter == 0x3B)
        #expect(throws: ParameterError("delimiter", "\(parameter: "delimiter") '::' is not a delimiter: use tab, comma, semicolon, pipe or a single ASCII character other than a quote or newline")) {
            try CSVDialect.forSource(.file("x.csv"), delimiter: "::", hasHeader: true)
        }
    }
}
