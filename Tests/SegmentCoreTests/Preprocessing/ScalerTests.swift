import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Scalers against scikit-learn on the mall columns.
///
/// Expected values: `Fixtures/reference/scalers.json`, computed by
/// `bench/reference/make_reference.py` with scikit-learn 1.9.1
/// (`StandardScaler`, `MinMaxScaler`, `RobustScaler` fitted on Age, Annual
/// Income (k$), Spending Score (1-100)).
@Suite struct ScalerTests {
    func mallFeatures(_ method: ScaleMethod) throws -> (FeaturePipeline, FeatureMatrix) {
        let table = try TestFiles.mall()
        return try FeaturePipeline.fit(table: table, featureColumns: [2, 3, 4], missing: .error, scale: method)
    }

    @Test(arguments: [(ScaleMethod.standard, "standard"), (.minmax, "minmax"), (.robust, "robust")])
    func matchesScikitLearn(method: ScaleMethod, key: String) throws {
        let reference = try TestFiles.reference("scalers.json")[key] as! [String: Any]
        let transformed = try #require(reference["transformed"] as? [String: [Double]])  // one array per column
        let (_, features) = try mallFeatures(method)
        #expect(features.matrix.rows == 200)
        for (column, name) in ["Age", "Annual Income (k$)", "Spending Score (1-100)"].enumerated() {
            let expected = try #require(transformed[name])
            for row in 0..<200 {
                let actual = features.matrix[row, column]
                #expect(abs(actual - expected[row]) <= 1e-9, "\(key) row \(row) column \(column)")
            }
        }
    }

    @Test func standardParameters() throws {
        let reference = try TestFiles.reference("scalers.json")["standard"] as! [String: Any]
        let (pipeline, _) = try mallFeatures(.standard)
        let means = try #require(reference["mean_"] as? [Double]), scales = try #require(reference["scale_"] as? [Double])
        for column in 0..<3 {
            #expect(abs(pipeline.scaler.center[column] - means[column]) <= 1e-12)
            #expect(abs(pipeline.scaler.scale[column] - scales[column]) <= 1e-12)
        }
    }

    @Test func zeroVarianceColumnsAreCentredNotDivided() throws {
        let data = Matrix([[5, 1], [5, 2], [5, 3]])
        for method in [ScaleMethod.standard, .minmax, .robust] {
            var scaled = data
            let scaler = try Scaler.fit(method, to: data)
            scaler.transform(&scaled)
            #expect(scaler.scale[0] == 1)
            #expect(scaled.storage.allSatisfy { $0.isFinite })
            #expect([scaled[0, 0], scaled[1, 0], scaled[2, 0]] == [0, 0, 0])
        }
    }

    @Test func inverseRestoresOriginalUnits() throws {
        let data = Matrix([[1, 10], [2, 40], [7, 25]])
        for method in ScaleMethod.allCases {
            var values = data
            let scaler = try Scaler.fit(method, to: data)
            scaler.transform(&values)
            scaler.inverseTransform(&values)
            for index in 0..<6 { #expect(abs(values.storage[index] - data.storage[index]) < 1e-12) }
        }
    }

    @Test func quantilesInterpolateLinearlyAsNumPy() {
        // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) == [1.75, 2.5, 3.25]
        #expect(Statistics.quantile(sorted: [1, 2, 3, 4], 0.25) == 1.75)
        #expect(Statistics.quantile(sorted: [1, 2, 3, 4], 0.5) == 2.5)
        #expect(Statistics.quantile(sorted: [1, 2, 3, 4], 0.75) == 3.25)
    }
}
