import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// A seeded mutation fuzzer for the CSV reader, run for a bounded number of
/// inputs in every test run: no input may crash it, every failure must be a
/// `CSVError`, and whatever it reads must survive a write/read round trip.
/// (The coverage-guided libFuzzer target is `Fuzz/CSVReaderFuzzer`.)
@Suite struct CSVReaderFuzzTests {
    static let seeds: [String] = [
        "id,name,score\n1,Ann,3.5\n2,\"Bob, Jr.\",4\n",
        "a,b\r\n\"x\"\"y\",\"multi\nline\"\r\n,\r\n",
        "\u{FEFF}col\nJosé\n\n東京\n",
        "a\tb\n1\t\"2\t3\"\n",
        "\"unterminated,1\n2,3\n",
        "x,y\n1,2,3\n",
    ]
    static let specialBytes: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x09, 0x20, 0xFF, 0xC3, 0xEF, 0xBB, 0xBF, 0x00, 0x41]

    /// Reads every record, or returns nil when the input is rejected with a `CSVError`.
    static func read(_ bytes: [UInt8], dialect: CSVDialect) throws -> [[String]]? {
        let reader = CSVReader(bytes: bytes, dialect: dialect)
        var records: [[String]] = []
        do {
            while let record = try reader.nextRecord() { records.append(record.strings) }
        } catch is CSVError {
            return nil
        }
        return records
    }

    static func mutate(_ input: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + Int(generator.next() % 4)) {
            let position = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count + 1))
            switch generator.next() % 5 {
            case 0: bytes.insert(specialBytes[Int(generator.next() % UInt64(specialBytes.count))], at: position)
            case 1: if position < bytes.count { bytes.remove(at: position) }
            case 2: if position < bytes.count { bytes[position] = UInt8(truncatingIfNeeded: generator.next()) }
            case 3:
                let length = min(bytes.count - min(position, bytes.count), Int(generator.next() % 8))
                let slice = Array(bytes[min(position, bytes.count)..<(min(position, bytes.count) + length)])
                bytes.insert(contentsOf: slice, at: min(position, bytes.count))
            default:
                let other = Array(seeds[Int(generator.next() % UInt64(seeds.count))].utf8)
                bytes = Array(bytes.prefix(position)) + other.suffix(Int(generator.next() % UInt64(other.count + 1)))
            }
        }
        return bytes
    }

    @Test func mutatedInputsNeverCrashAndRoundTrip() throws {
        var generator = SplitMix64(seed: 2024)
        var accepted = 0, rejected = 0
        for iteration in 0..<20_000 {
            let seed = Array(Self.seeds[iteration % Self.seeds.count].utf8)
            let input = Self.mutate(seed, using: &generator)
            let dialect: CSVDialect = iteration % 7 == 0 ? .tsv : .csv
            guard let records = try Self.read(input, dialect: dialect) else {
                rejected += 1
                continue
            }
            accepted += 1
            // Write the records back (quoting where needed) and read them
            // again; the leading byte-order mark, which the reader strips,
            // keeps a data BOM in the first field intact.
            var text = "\u{FEFF}"
            for record in records {
                text += record.map { CSVQuoting.quoted($0, delimiter: dialect.delimiter) }.joined(separator: String(UnicodeScalar(dialect.delimiter))) + "\n"
            }
            let again = try Self.read(Array(text.utf8), dialect: dialect)
            #expect(again == records, "round trip of \(input) via \(Array(text.utf8))")
        }
        #expect(accepted > 1000 && rejected > 1000)
    }
}
