import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite struct MiniBatchJobTests {
    static let mall = TestFiles.fixture("mall_customers.csv")

    func job(rows: String, model: String? = nil, centers: String? = nil) -> MiniBatchJob {
        var configuration = MiniBatchKMeans.Configuration(clusterCount: 4)
        configuration.batchSize = 64
        return MiniBatchJob(source: .file(Self.mall), dialect: .csv, configuration: configuration, seed: 0, threads: 1,
                            rows: .file(rows), centers: centers.map { .file($0) }, model: model.map { .file($0) })
    }

    @Test func labelsEveryRowWithSizesMatchingTheOutputAndTheSavedModel() throws {
        let rows = try JobFiles.scratch("rows.csv"), modelPath = try JobFiles.scratch("model.json")
        let centersPath = try JobFiles.scratch("centers.csv")
        let result = try job(rows: rows, model: modelPath, centers: centersPath).run()

        // Every input line written unchanged plus its label.
        let inputLines = try JobFiles.lines(Self.mall)
        let lines = try JobFiles.lines(rows)
        #expect(lines[0] == inputLines[0] + ",segment")
        #expect(lines.count == inputLines.count)
        let split = lines.dropFirst().map(JobFiles.splitLabel)
        #expect(split.map(\.row) == Array(inputLines.dropFirst()))
        let labels = split.map { $0.label! }

        // Sizes: the counts of the written labels, summing to the rows of the file.
        #expect(result.k == 4)
        #expect(result.rows == inputLines.count - 1 && result.totalRows == result.rows && result.unlabelledRows == 0)
        #expect(result.sizes.reduce(0, +) == result.rows)
        #expect(result.sizes == (0..<4).map { segment in labels.filter { $0 == segment }.count })
        #expect(result.sizes == result.sizes.sorted(by: >))
        #expect(result.passes == 1 + result.epochs + 2)
        #expect(result.silhouette != nil && result.sampleRows == result.rows)
        #expect(result.inertia > 0)

        // The saved model labels the same file the same way (SegmentAssigner through AssignJob).
        let model = try SegmentModel.load(path: modelPath)
        #expect(model.algorithm == "minibatch-kmeans" && model.idColumn == "CustomerID" && model.pipeline == result.pipeline)
        let assigned = try JobFiles.scratch("assigned.csv")
        let assignment = try AssignJob(model: model, source: .file(Self.mall), dialect: .csv, output: .file(assigned)).run()
        #expect(try JobFiles.lines(assigned) == lines)
        #expect(assignment.segmentSizes == Dictionary(uniqueKeysWithValues: result.sizes.enumerated().map { ($0, $1) }))

        // The centres file: one row per segment with its size.
        let centerLines = try JobFiles.lines(centersPath)
        #expect(centerLines[0] == "segment,size," + result.pipeline.outputNames.joined(separator: ","))
        #expect(centerLines.dropFirst().map { Int($0.split(separator: ",")[1])! } == result.sizes)
    }

    @Test func parameterProblemsNameTheParameter() throws {
        let rows = try JobFiles.scratch("rows.csv")
        var clash = job(rows: rows)
        clash.labelColumn = "Age"
        #expect(throws: ParameterError("label-column", "the input already has a column 'Age'; name the new label column with \(parameter: "label-column") NAME")) {
            try clash.run()
        }
        var unknown = job(rows: rows)
        unknown.features = .named(["Age", "Incom"])
        let error = try #require(throws: ParameterError.self) { try unknown.run() }
        #expect(error.parameter == "features")
        // The message is the one column resolution gives.
        let columns = try TableLoader.load(.file(Self.mall), dialect: .csv, threads: 1).columnNames
        #expect(throws: error) {
            try ColumnSelection.resolve(["Age", "Incom"], in: columns, parameter: "features")
        }
        #expect(!FileManager.default.fileExists(atPath: rows))
    }
}
