import Foundation
import Testing
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite struct LabelledRowsWriterTests {
    static let input = "id,name,score\n1,Ann,3.5\n2,\"Smith, Bo\",\n3,Cy,7\n"
    static let labels: [Int?] = [2, nil, 0]

    /// Streams the records of `input` through a writer in `format`; returns the output text.
    func writeRecords(format: OutputFormat) throws -> String {
        let path = try TestFiles.temporary(Self.input)
        let out = try JobFiles.scratch("out")
        let reader = try CSVReader(source: .file(path), dialect: .csv)
        let header = try #require(try reader.nextRecord()).strings
        let sink = try OutputSink(.file(out))
        let writer = try LabelledRowsWriter(sink: sink, format: format, columnNames: header, labelColumn: "segment")
        #expect(writer.header == ["id", "name", "score", "segment"])
        var row = 0
        while let record = try reader.nextRecord() {
            try writer.write(record, label: Self.labels[row])
            row += 1
        }
        try writer.finish()
        try sink.commit()
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    /// The expected CSV: each input line unchanged, then `,label` (empty for `nil`).
    var expectedCSV: String {
        let lines = Self.input.split(separator: "\n").map(String.init)
        return lines[0] + ",segment\n"
            + zip(lines.dropFirst(), Self.labels).map { "\($0),\($1.map(String.init) ?? "")\n" }.joined()
    }

    @Test func streamedRecordsKeepTheirCellsAndGainTheLabelColumn() throws {
        #expect(try writeRecords(format: .csv) == expectedCSV)
    }

    @Test func tableRowsGiveTheSameBytesAsStreamedRecords() throws {
        let table = try TestFiles.table(Self.input)
        for threads in [1, 2] {
            let out = try JobFiles.scratch("out.csv")
            let sink = try OutputSink(.file(out))
            let writer = try LabelledRowsWriter(sink: sink, format: .csv, columnNames: table.columnNames, labelColumn: "segment")
            try writer.write(rowsOf: table, labels: Self.labels, threads: threads)
            try writer.finish()
            try sink.commit()
            #expect(try String(contentsOfFile: out, encoding: .utf8) == expectedCSV)
        }
    }

    @Test func jsonKeepsNumbersBareAndMissingCellsNull() throws {
        let lines = try writeRecords(format: .jsonl).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects[0]["score"] as? Double == 3.5)
        #expect(objects[0]["name"] as? String == "Ann")
        #expect(objects[0]["segment"] as? Int == 2)
        #expect(objects[1]["name"] as? String == "Smith, Bo")
        #expect(objects[1]["score"] is NSNull)
        #expect(objects[1]["segment"] is NSNull)
        #expect(LabelledRowsWriter.passThrough(UnsafeBufferPointer(start: nil, count: 0)) == .missing)
    }
}
