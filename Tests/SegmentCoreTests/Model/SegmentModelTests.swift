import Foundation
import Testing
@testable import SegmentCore

@Suite struct SegmentModelTests {
    func sampleModel(rule: AssignmentRule) -> SegmentModel {
        let pipeline = FeaturePipeline(columns: [FeatureColumn(name: "x", encoding: .numeric), FeatureColumn(name: "y", encoding: .numeric, numericFill: 2)],
                                       missingPolicy: .mean, scaler: Scaler(method: .standard, center: [1, 2], scale: [2, 4]))
        return SegmentModel(algorithm: "kmeans", pipeline: pipeline, idColumn: "id", labelColumn: "segment", rule: rule)
    }

    @Test func roundTripsThroughJSON() throws {
        let model = sampleModel(rule: .nearestCenter(centers: [0, 0, 1, 1], dimensions: 2))
        let decoded = try SegmentModel.decode(Data(try model.jsonText().utf8), file: "m.json")
        #expect(decoded == model)
        #expect(decoded.formatVersion == 1)
    }

    @Test func refusesOtherVersionsAndDamage() throws {
        let text = try sampleModel(rule: .nearestCenter(centers: [0, 0], dimensions: 2)).jsonText()
        let future = text.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 2")
        #expect(throws: SegmentError.invalidInput("m.json: model format version 2 is not supported (this segment reads version 1); re-create the model with this version of `segment cluster --model`")) {
            try SegmentModel.decode(Data(future.utf8), file: "m.json")
        }
        #expect(throws: SegmentError.invalidInput("m.json: not a segment model (expected JSON written by `segment cluster --model`)")) {
            try SegmentModel.decode(Data("id,x\n1,2\n".utf8), file: "m.json")
        }
        #expect(throws: SegmentError.invalidInput("m.json: not a segment model (no 'formatVersion' field); write one with `segment cluster --model FILE`")) {
            try SegmentModel.decode(Data("{}".utf8), file: "m.json")
        }
        let noRule = text.replacingOccurrences(of: "\"rule\"", with: "\"rules\"")
        #expect(throws: SegmentError.invalidInput("m.json: damaged model: missing field 'rule'; re-create it with `segment cluster --model FILE`")) {
            try SegmentModel.decode(Data(noRule.utf8), file: "m.json")
        }
        let wrongWidth = try sampleModel(rule: .nearestCenter(centers: [0, 0, 0], dimensions: 3)).jsonText()
        #expect(throws: SegmentError.invalidInput("m.json: damaged model: the assignment rule has 3 features but the pipeline produces 2; re-create it with `segment cluster --model FILE`")) {
            try SegmentModel.decode(Data(wrongWidth.utf8), file: "m.json")
        }
    }

    @Test func nearestCenterAssignsLikeKMeans() throws {
        let data = ReferenceData.blobs(rows: 500, dims: 3, centers: 4, spread: 3, seed: 8)
        var configuration = KMeans.Configuration(clusterCount: 11)
        configuration.restarts = 1
        let clustering = try KMeans.fit(data, configuration: configuration).clustering
        var assigner = SegmentAssigner(rule: .nearestCenter(centers: clustering.centers!.storage, dimensions: 3))
        let labels = data.storage.withUnsafeBufferPointer { points in
            (0..<data.rows).map { assigner.label(of: UnsafeBufferPointer(rebasing: points[($0 * 3)..<($0 * 3 + 3)])) }
        }
        #expect(labels == clustering.labels)
    }

    @Test(arguments: [("euclidean", [0, 1, -1, 0]), ("manhattan", [0, 1, -1, -1])])
    func corePointsAssignWithinEps(metric: String, expected: [Int]) {
        // Core points (0, 0) → 0 and (5, 0) → 1, eps 1.
        var assigner = SegmentAssigner(rule: .corePoints(points: [0, 0, 5, 0], dimensions: 2, labels: [0, 1], eps: 1, metric: metric))
        let rows: [[Double]] = [[0.5, 0], [5, 1], [2.5, 0], [0.6, 0.6]]
        let labels = rows.map { row in row.withUnsafeBufferPointer { assigner.label(of: $0) } }
        #expect(labels == expected)
    }
}
