import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The parallel reader for quote-free files (`ParallelTableReader`) must build exactly the table the
/// streaming reader builds, and report the same errors.
@Suite struct ParallelLoadingTests {
    func write(_ text: String) throws -> InputSource {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("segment-plain-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return .file(url.path)
    }

    func parallel(_ source: InputSource, threads: Int) throws -> Table? {
        guard case .file(let path) = source,
              let cells = try ParallelTableReader.read(path: path, dialect: .csv, threads: threads, minimumSize: 0) else { return nil }
        return TableLoader.table(from: cells, source: path, threads: threads)
    }

    func streamed(_ source: InputSource) throws -> Table {
        try TableLoader.load(source, dialect: .csv, threads: 1)
    }

    func expectSameTable(_ a: Table, _ b: Table) {
        #expect(a.columnNames == b.columnNames)
        #expect(a.rowLines == b.rowLines)
        #expect(a.cellContents == b.cellContents)
        #expect(a.columns.map(\.type) == b.columns.map(\.type))
        #expect(a.columns.map { $0.values?.map(\.bitPattern) } == b.columns.map { $0.values?.map(\.bitPattern) })
        #expect(a.columns.map(\.presentCount) == b.columns.map(\.presentCount))
        #expect(a.columns.map(\.missingCount) == b.columns.map(\.missingCount))
        #expect(a.columns.map(\.numericCount) == b.columns.map(\.numericCount))
        #expect(a.columns.map(\.firstNonNumericRow) == b.columns.map(\.firstNonNumericRow))
        #expect(a.columns.map { $0.valueFrequencies?.map(\.row) } == b.columns.map { $0.valueFrequencies?.map(\.row) })
        #expect(a.columns.map { $0.valueFrequencies?.map(\.count) } == b.columns.map { $0.valueFrequencies?.map(\.count) })
    }

    /// The reader classifies cells chunk by chunk; with chunks of a few rows
    /// the combined tallies (counts, first non-numeric row) and parsed values
    /// must still be those of type inference over the whole table.
    @Test(arguments: [1, 3])
    func cellsClassifiedInSmallChunksGiveTheSameColumns(threads: Int) throws {
        var text = "id,kind,amount,mixed,when\n"
        for row in 0..<600 {
            let mixed = row == 433 ? "n/a?" : row % 50 == 7 ? "" : "\(row).25"
            text += "\(row),\(["a", "b", "c"][row % 3]),\(row % 9 == 0 ? "NA" : "\(Double(row) / 8)"),\(mixed),2024-01-\(10 + row % 9)\n"
            if row % 97 == 0 { text += "\n" }
        }
        let source = try write(text)
        guard case .file(let path) = source else { return }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let cells = try #require(try bytes.withUnsafeBufferPointer {
            try ParallelTableReader.read(InputBytes(copying: $0), dialect: .csv, name: path, threads: threads, chunkSize: 256)
        })
        #expect(cells.classified?.tallies.count ?? 0 > 10)
        let table = TableLoader.table(from: cells, source: path, threads: threads)
        let expected = try streamed(source)
        expectSameTable(table, expected)
        #expect(table.columns.map(\.type) == [.integer, .categorical, .number, .text, .date])
        #expect(table.columns[3].firstNonNumericRow == 433)
    }

    @Test(arguments: [1, 2, 3, 8])
    func sameTableAsTheStreamingReader(threads: Int) throws {
        var text = "id,name,x\n"
        for row in 0..<2_000 {
            text += "\(row),n\(row % 7),\(Double(row) * 0.5)\n"
            if row % 311 == 0 { text += "\n" }  // blank lines are skipped, lines still counted
        }
        text += "9999,,NA"  // no final line feed, empty and missing cells
        let source = try write(text)
        let parallel = try #require(try parallel(source, threads: threads))
        expectSameTable(parallel, try streamed(source))
    }

    @Test func raggedLineGivesTheSameError() throws {
        var text = "a,b\n"
        for row in 0..<500 { text += "\(row),\(row)\n" }
        text += "1,2,3\n4,5\n"
        let source = try write(text)
        let expected = CSVError.fieldCountMismatch(file: source.displayName, line: 502, expected: 2, found: 3)
        #expect(throws: expected) { try parallel(source, threads: 4) }
        #expect(throws: expected) { try streamed(source) }
    }

    @Test func filesWithQuotesOrCarriageReturnsUseTheStreamingReader() throws {
        for text in ["a,b\n\"1\",2\n", "a,b\r\n1,2\r\n", "a\n1\n2\n"] {
            let source = try write(text)
            #expect(try parallel(source, threads: 2) == nil)
        }
    }
}
