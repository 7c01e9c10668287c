import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

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
        #expect(throws: SegmentError.invalidInput("m.json: model format version 2 is not supported (this segment reads version 1); re-create the model with this version of `segment cluster \(parameter: "model")`")) {
            try SegmentModel.decode(Data(future.utf8), file: "m.json")
        }
        #expect(throws: SegmentError.invalidInput("m.json: not a segment model (expected JSON written by `segment cluster \(parameter: "model")`)")) {
            try SegmentModel.decode(Data("id,x\n1,2\n".utf8), file: "m.json")
        }
        #expect(throws: SegmentError.invalidInput("m.json: not a segment model (no 'formatVersion' field); write one with `segment cluster \(parameter: "model") FILE`")) {
            try SegmentModel.decode(Data("{}".utf8), file: "m.json")
        }
        let noRule = text.replacingOccurrences(of: "\"rule\"", with: "\"rules\"")
        #expect(throws: SegmentError.invalidInput("m.json: damaged model: missing field 'rule'; re-create it with `segment cluster \(parameter: "model") FILE`")) {
            try SegmentModel.decode(Data(noRule.utf8), file: "m.json")
        }
        let wrongWidth = try sampleModel(rule: .nearestCenter(centers: [0, 0, 0], dimensions: 3)).jsonText()
        #expect(throws: SegmentError.invalidInput("m.json: damaged model: the assignment rule has 3 features but the pipeline produces 2; re-create it with `segment cluster \(parameter: "model") FILE`")) {
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

    @Test func tieOrderDecidesExactTies() throws {
        // Segment 0 at 10, segment 1 at 0: x = 5 is 5 from both.
        let tie: [Double] = [5]
        var segmentOrder = SegmentAssigner(rule: .nearestCenter(centers: [10, 0], dimensions: 1))
        var rawOrder = SegmentAssigner(rule: .nearestCenter(centers: [10, 0], dimensions: 1, tieOrder: [1, 0]))
        #expect(tie.withUnsafeBufferPointer { segmentOrder.label(of: $0) } == 0)
        #expect(tie.withUnsafeBufferPointer { rawOrder.label(of: $0) } == 1)
        // Away from the tie the order changes nothing.
        let near: [Double] = [8]
        #expect(near.withUnsafeBufferPointer { rawOrder.label(of: $0) } == 0)
    }

    @Test func tieOrderIsSavedAndOptional() throws {
        let model = sampleModel(rule: .nearestCenter(centers: [0, 0, 1, 1, 2, 2], dimensions: 2, tieOrder: [2, 0, 1]))
        let text = try model.jsonText()
        #expect(try SegmentModel.decode(Data(text.utf8), file: "m.json") == model)
        // A model written before the field existed reads as segment order.
        let older = try sampleModel(rule: .nearestCenter(centers: [0, 0, 1, 1], dimensions: 2)).jsonText()
        #expect(!older.contains("tieOrder"))
        #expect(try SegmentModel.decode(Data(older.utf8), file: "m.json").rule == .nearestCenter(centers: [0, 0, 1, 1], dimensions: 2))
        for damaged in [[2, 0, 0], [0, 1], [0, 1, 3]] {
            let bad = try sampleModel(rule: .nearestCenter(centers: [0, 0, 1, 1, 2, 2], dimensions: 2, tieOrder: damaged)).jsonText()
            #expect(throws: SegmentError.invalidInput("m.json: damaged model: the assignment rule's numbers do not fit together (arrays not matching its dimensions, values not finite, or a tie order that is not an ordering of the segments); re-create it with `segment cluster \(parameter: "model") FILE`")) {
                try SegmentModel.decode(Data(bad.utf8), file: "m.json")
            }
        }
    }

    @Test func segmentsByRawLabelUndoTheRenumbering() {
        // Raw label 2 is largest (segment 0), then raw 0 (segment 1), then raw 1.
        let clustering = Clustering(rawLabels: [0, 2, 2, 1, 0, 2])
        #expect(clustering.labels == [1, 0, 0, 2, 1, 0])
        #expect(clustering.segmentsByRawLabel == [1, 2, 0])
        #expect(SegmentNumbering(sizes: [2, 1, 3], firstRows: [0, 3, 1]).segmentsByRawLabel == [1, 2, 0])
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
