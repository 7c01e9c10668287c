import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite struct AssignJobTests {
    static let input = """
        id,x,y,note
        1,0.5,1.0,a
        2,9.0,8.5,b
        3,,2.0,c
        4,1.5,0.0,d
        5,8.0,9.5,e
        6,4.0,5.5,f

        """

    /// A model over `x` and `y` (missing rows dropped, standard scaling
    /// fitted on `input`) with two hand-placed centres in scaled units, and
    /// the labels `SegmentAssigner` gives the fitted rows directly.
    func modelAndExpectedLabels() throws -> (SegmentModel, [Int?]) {
        let table = try TestFiles.table(Self.input)
        let (pipeline, features) = try FeaturePipeline.fit(table: table, featureColumns: [1, 2], missing: .drop, scale: .standard, threads: 1)
        let rule = AssignmentRule.nearestCenter(centers: [-1, -1, 1, 1], dimensions: 2)
        let model = SegmentModel(algorithm: "kmeans", pipeline: pipeline, idColumn: "id", labelColumn: "cluster", rule: rule)
        var assigner = SegmentAssigner(rule: rule)
        var expected = [Int?](repeating: nil, count: table.rowCount)
        for (matrixRow, tableRow) in features.tableRows.enumerated() {
            expected[tableRow] = features.matrix.row(matrixRow).withUnsafeBufferPointer { assigner.label(of: $0) }
        }
        return (model, expected)
    }

    @Test func labelsEveryRowAndCountsMatchTheLabels() throws {
        let (model, expected) = try modelAndExpectedLabels()
        let path = try TestFiles.temporary(Self.input)
        let out = try JobFiles.scratch("labelled.csv")
        let result = try AssignJob(model: model, source: .file(path), dialect: .csv, output: .file(out)).run()

        let lines = try JobFiles.lines(out)
        let inputLines = Self.input.split(separator: "\n").map(String.init)
        #expect(lines[0] == inputLines[0] + ",cluster")
        #expect(lines.count == inputLines.count)
        for (line, (inputLine, label)) in zip(lines.dropFirst(), zip(inputLines.dropFirst(), expected)) {
            let (row, written) = JobFiles.splitLabel(line)
            #expect(row == inputLine)
            #expect(written == label)
        }
        var sizes: [Int: Int] = [:]
        for case let label? in expected { sizes[label, default: 0] += 1 }
        #expect(result == AssignJob.Result(rows: expected.count, segmentSizes: sizes, noise: 0,
                                           unlabelled: expected.filter { $0 == nil }.count))
        #expect(result.unlabelled == 1)
        #expect(sizes.count == 2)
    }

    @Test func labelColumnOverrideAndModelFileRoundTrip() throws {
        let (model, expected) = try modelAndExpectedLabels()
        let modelPath = try JobFiles.scratch("model.json")
        try writeFileAtomically(try model.jsonText(), to: modelPath)
        let loaded = try SegmentModel.load(path: modelPath)
        #expect(loaded == model)
        let out = try JobFiles.scratch("labelled.tsv")
        let path = try TestFiles.temporary(Self.input.replacingOccurrences(of: ",", with: "\t"), name: "input.tsv")
        _ = try AssignJob(model: loaded, source: .file(path), dialect: .tsv, labelColumn: "seg", output: .file(out), format: .tsv).run()
        let lines = try JobFiles.lines(out)
        #expect(lines[0] == "id\tx\ty\tnote\tseg")
        #expect(lines.dropFirst().map { Int($0.split(separator: "\t", omittingEmptySubsequences: false).last!) } == expected)
    }

    @Test func aMissingModelColumnIsNamedAndNoOutputIsLeft() throws {
        let (model, _) = try modelAndExpectedLabels()
        let path = try TestFiles.temporary("id,x,z\n1,2,3\n")
        let out = try JobFiles.scratch("labelled.csv")
        #expect(throws: SegmentError.invalidData(file: path, line: 1, column: nil,
                                                 message: "the model needs column 'y', which the input lacks (columns: id, x, z)")) {
            try AssignJob(model: model, source: .file(path), dialect: .csv, output: .file(out)).run()
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
