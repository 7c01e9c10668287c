import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// `FileSummary` (summaries straight from the mapped bytes) must equal
/// `ColumnSummary.summarize` of the loaded table, bit for bit, for any chunk
/// size and thread count, and must leave every input with an error to the
/// table loader.
@Suite struct FileSummaryTests {
    /// A field-by-field fingerprint of a summary (doubles as bit patterns).
    func fingerprint(_ summary: ColumnSummary) -> String {
        let statistics = [summary.min, summary.mean, summary.std, summary.max].map { $0.map { String($0.bitPattern) } ?? "-" }
        let top = summary.top.map { "\($0.value)=\($0.count)" }
        return "\(summary.name) \(summary.type) \(summary.count) \(summary.missing) \(summary.distinct) \(statistics) \(top) \(summary.looksNumericWithErrors)"
    }

    /// Expects the streaming summary of `csv` to equal the table's, for several chunk sizes and thread counts.
    func expectSameSummary(_ csv: String, dialect: CSVDialect = .csv, topCount: Int = 3, comment: Comment? = nil) throws {
        let path = try TestFiles.temporary(csv)
        let table = try TableLoader.load(.file(path), dialect: dialect, threads: 1)
        let expected = ColumnSummary.summarize(table, topCount: topCount, threads: 1).map(fingerprint)
        let expectedId = try ColumnSelection.idColumn(in: table, explicit: nil)
        for chunkSize in [16, 100, 4096, 1 << 20] {
            for threads in [1, 3] {
                let summary = try #require(try FileSummary.summarize(path: path, dialect: dialect, topCount: topCount,
                                                                     threads: threads, chunkSize: chunkSize), comment)
                #expect(summary.columns.map(fingerprint) == expected, comment)
                #expect(summary.rowCount == table.rowCount && summary.columnNames == table.columnNames, comment)
                #expect(summary.idColumn == expectedId, comment)
                #expect(summary.defaultFeatures == ColumnSelection.defaultFeatures(in: table, idColumn: expectedId), comment)
            }
        }
    }

    /// One random cell of a column of `kind`.
    func cell(_ kind: Int, row: Int, rows: Int, using generator: inout SplitMix64) -> String {
        let pick = Int(generator.next() % 1000)
        switch kind {
        case 0:  // integers with missing values
            return pick < 50 ? ["", "NA", " null ", "nan", "N/A"][pick % 5] : String(Int(generator.next() % 2001) - 1000)
        case 1:  // decimals in every spelling
            let spellings = ["5.", ".5", "-.25", "1e3", "+2.5", " 3.25 ", "007.50", "-0", "-0.0", "0.000", "12345678901234.5",
                             "1234567890123456", "0.1234567890123456789", "1.7976931348623157e308", "4.9e-324", "-12.000"]
            if pick < 80 { return spellings[pick % spellings.count] }
            let value = Double(Int(generator.next() % 2_000_001) - 1_000_000) / [1, 10, 100, 1000][pick % 4]
            return String(value)
        case 2:  // dates, some with times
            let day = 1 + Int(generator.next() % 28)
            return pick < 30 ? "" : pick < 500 ? "2024-02-\(day < 10 ? "0" : "")\(day)" : "2023-11-\(10 + day % 18)T0\(pick % 10):30:00"
        case 3:  // categorical, with non-ASCII values
            return ["Zürich", "Oslo", "São Paulo", "", "Oslo "][pick % 5]
        case 4:  // text
            return "name\(generator.next() % 100_000)"
        case 5:  // numbers until a text cell late in the file
            return row == rows - 3 ? "oops" : String(pick)
        case 6:  // numbers with infinities
            return pick < 20 ? ["inf", "-Infinity", "+INF"][pick % 3] : String(Double(pick) / 8)
        case 7:  // unique ids
            return String(1_000_000 + row * 7)
        case 8:  // 14 to 17 digit whole numbers: from 16 digits on they are numbers, not integers
            return String((pick % 2 == 0 ? -1 : 1) * (10_000_000_000_000 * [1, 10, 100, 1000][pick % 4] + Int(generator.next() % 1_000_000)))
        case 9:  // 16-digit whole numbers only: a number column, not an integer one
            return String(1_000_000_000_000_000 + Int(generator.next() % 1_000_000))
        default:  // all missing
            return pick % 2 == 0 ? "" : "NA"
        }
    }

    /// A random CSV with the given column kinds, blank lines and maybe no final line feed.
    func randomCSV(kinds: [Int], rows: Int, seed: UInt64) -> String {
        var generator = SplitMix64(seed: seed)
        var text = kinds.indices.map { $0 == 0 ? "customer_id" : "c\($0)" }.joined(separator: ",") + "\n"
        for row in 0..<rows {
            if generator.next() % 50 == 0 { text += "\n" }
            text += kinds.map { cell($0, row: row, rows: rows, using: &generator) }.joined(separator: ",") + "\n"
        }
        if seed % 2 == 1 { text.removeLast() }
        return text
    }

    @Test func equalsTheTableSummaryOnGeneratedFiles() throws {
        for seed in UInt64(0)..<12 {
            var generator = SplitMix64(seed: seed &* 7919)
            let kinds = [7] + (0..<(2 + Int(generator.next() % 6))).map { _ in Int(generator.next() % 11) }
            let rows = [1, 5, 70, 400, 1500][Int(seed % 5)]
            try expectSameSummary(randomCSV(kinds: kinds, rows: rows, seed: seed), topCount: Int(seed % 4), comment: "seed \(seed) kinds \(kinds)")
        }
    }

    @Test func everyColumnKindAlone() throws {
        for kind in 0..<11 {
            try expectSameSummary(randomCSV(kinds: [7, kind], rows: 300, seed: UInt64(kind)), comment: "kind \(kind)")
        }
    }

    @Test func manyDistinctValuesAndTabs() throws {
        var text = "id\tx\ty\n"
        for row in 0..<40_000 { text += "\(row)\t\(Double(row) * 0.37)\t\(row % 3 == 0 ? "a" : "b")\n" }
        try expectSameSummary(text, dialect: .tsv)
    }

    @Test func inputsWithErrorsAreLeftToTheTableLoader() throws {
        let ragged = try TestFiles.temporary("a,b\n1,2\n3\n4,5\n")
        let wide = try TestFiles.temporary("a,b\n1,2\n3,4,5\n")
        let badUTF8 = try TestFiles.temporary(bytes: Array("a,b\n1,x\n2,".utf8) + [0xFF] + Array("\n".utf8))
        for path in [ragged, wide, badUTF8] {
            #expect(try FileSummary.summarize(path: path, dialect: .csv, topCount: 3, threads: 2, chunkSize: 4) == nil)
            let expected = #expect(throws: CSVError.self) { try TableLoader.load(.file(path), dialect: .csv) }
            let actual = #expect(throws: CSVError.self) { try TableSummary.summarize(.file(path), dialect: .csv) }
            #expect(actual == expected)
        }
        let duplicate = try TestFiles.temporary("a,b,a\n1,2,3\n")
        #expect(throws: CSVError.duplicateColumn(file: duplicate, name: "a", firstColumn: 1, secondColumn: 3)) {
            try TableSummary.summarize(.file(duplicate), dialect: .csv)
        }
    }

    @Test func inputsTheSummaryDoesNotHandleStillGetOne() throws {
        for text in ["a,b\n\"1\",2\n3,4\n", "a,b\r\n1,2\r\n", "a\n1\n2\n", "a,b\n", "a.b\n1.2\n"] {
            let path = try TestFiles.temporary(text)
            let dialect = text.hasPrefix("a.b") ? CSVDialect(delimiter: UInt8(ascii: "."), hasHeader: true) : .csv
            #expect(try FileSummary.summarize(path: path, dialect: dialect, topCount: 3, threads: 2) == nil)
            let table = try TableLoader.load(.file(path), dialect: dialect)
            let summary = try TableSummary.summarize(.file(path), dialect: dialect)
            #expect(summary.columns.map(fingerprint) == ColumnSummary.summarize(table).map(fingerprint))
            #expect(summary.rowCount == table.rowCount)
        }
    }
}
