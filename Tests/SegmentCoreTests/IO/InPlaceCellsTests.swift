import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Tables whose cells stay in place in the mapped input (the parallel
/// reader's) must behave exactly like tables whose cells are packed in a
/// buffer of their own (the streaming reader's): the same cells, and the
/// same bytes when their rows are written through.
@Suite struct InPlaceCellsTests {
    /// `text` read both ways from one file.
    func tables(_ text: String, dialect: CSVDialect) throws -> (inPlace: Table, packed: Table, path: String) {
        let path = try TestFiles.temporary(text, name: "in-place.txt")
        let cells = try #require(try ParallelTableReader.read(path: path, dialect: dialect, threads: 3, minimumSize: 0))
        let inPlace = TableLoader.table(from: cells, source: path, threads: 3)
        let records = try TableLoader.readRecords(try CSVReader(source: .file(path), dialect: dialect), dialect: dialect, limit: nil)
        return (inPlace, TableLoader.table(from: records, source: path, threads: 1), path)
    }

    /// Every row of `table` written through with `delimiter` and a label.
    func written(_ table: Table, delimiter: UInt8) -> String {
        let appended: [Int?] = (0..<table.rowCount).map { $0 % 4 == 3 ? nil : $0 }
        return String(decoding: table.withCells { cells in
            appended.withUnsafeBufferPointer { RecordWriter.passThroughBytes(0..<table.rowCount, of: cells, appending: $0, delimiter: delimiter) }
        }, as: UTF8.self)
    }

    /// Rows without spaces (copied whole), with inner and edge spaces, empty
    /// cells, cells holding the other format's delimiter, long and non-ASCII
    /// cells, blank lines and a last line without a line feed.
    func sample(delimiter: String) -> String {
        var generator = SplitMix64(seed: 11)
        let other = delimiter == "," ? "\t" : ","
        let names = ["Oslo", "Latin America", " edge", "edge ", "", "a\(other)b", "São Paulo", String(repeating: "long-", count: 9)]
        var text = ["id", "name", "x"].joined(separator: delimiter) + "\n"
        for row in 0..<500 {
            let name = names[Int(generator.next() % UInt64(names.count))]
            text += ["\(row)", name, "\(Double(generator.next() % 10_000) / 8)"].joined(separator: delimiter) + "\n"
            if row % 97 == 0 { text += "\n" }
        }
        return text + ["500", "last", "7"].joined(separator: delimiter)
    }

    @Test(arguments: [(",", UInt8(ascii: ",")), (",", 0x09), ("\t", 0x09), ("\t", UInt8(ascii: ","))])
    func rowsAreWrittenAsFromPackedCells(input: String, output: UInt8) throws {
        let dialect = input == "," ? CSVDialect.csv : .tsv
        let (inPlace, packed, _) = try tables(sample(delimiter: input), dialect: dialect)
        #expect(inPlace.withCells { $0.delimiter == dialect.delimiter && $0.separatorWidth == 1 })
        #expect(packed.withCells { $0.delimiter == nil && $0.separatorWidth == 0 })
        #expect(inPlace.rowCount == 501)
        #expect(inPlace.cellContents == packed.cellContents)
        let expected = written(packed, delimiter: output)
        #expect(written(inPlace, delimiter: output) == expected)
        // Edge spaces and the output's delimiter are quoted, inner spaces not.
        #expect(expected.contains("\" edge\"") && expected.contains("Latin America") && !expected.contains("\"Latin America\""))
        #expect(input == "\t" && output == 0x2C ? expected.contains("\"a,b\"") : true)
    }

    /// The cells stay readable, and unchanged, after the file is removed:
    /// the table holds the mapping until it goes.
    @Test func cellsOutliveTheFilesName() throws {
        let (inPlace, packed, path) = try tables(sample(delimiter: ","), dialect: .csv)
        try FileManager.default.removeItem(atPath: path)
        #expect(inPlace.cellContents == packed.cellContents)
        #expect(inPlace.string(row: 500, column: 1) == "last")
    }
}

extension InPlaceCellsTests {
    /// Cell ends are 32-bit offsets from their row's start, so a longer
    /// record is an error naming its line, from either reader (shown here
    /// with a limit of 12 bytes instead of 4 GiB).
    @Test func recordsLongerThanTheLimitAreErrors() throws {
        let text = "name,note\nshort,row\nmuch-longer,row\nok,ok\n"
        let path = try TestFiles.temporary(text, name: "long.csv")
        let expected = CSVError.recordTooLong(file: path, line: 3)
        #expect(throws: expected) {
            try TableLoader.readRecords(try CSVReader(source: .file(path), dialect: .csv), dialect: .csv, limit: nil, recordLimit: 12)
        }
        #expect(throws: expected) {
            try Array(text.utf8).withUnsafeBufferPointer {
                try ParallelTableReader.read(InputBytes(copying: $0), dialect: .csv, name: path, threads: 2, chunkSize: 8, recordLimit: 12)
            }
        }
        #expect(expected.description.contains("long.csv:3: the record starting here is longer than 4294967295 bytes"))
        let exact = try TableLoader.readRecords(try CSVReader(source: .file(path), dialect: .csv), dialect: .csv, limit: nil, recordLimit: 14)
        #expect(exact.rowLines == [2, 3, 4])
    }
}
