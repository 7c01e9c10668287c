import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The streaming pipeline fit against the in-memory `FeaturePipeline.fit`.
@Suite struct StreamingFeatureFitTests {
    let csv = "id,g,x,y\n1,b,1,10\n2,a,3,-2\n3,b,5,7.5\n4,c,2,0\n5,a,8,1\n6,b,4,3\n"

    /// Both fits of `featureColumns` of `text` with a row sample larger than the file.
    func fits(_ text: String, featureColumns: [Int], missing: MissingPolicy, scale: ScaleMethod,
              prefixRows: Int = 100) throws -> (memory: (FeaturePipeline, FeatureMatrix), streamed: StreamingFeatureFit.Result) {
        let path = try TestFiles.temporary(text)
        let table = try TableLoader.load(.file(path), dialect: .csv, threads: 1)
        let memory = try FeaturePipeline.fit(table: table, featureColumns: featureColumns, missing: missing, scale: scale)
        let prefix = try TableLoader.loadPrefix(.file(path), dialect: .csv, rows: prefixRows, threads: 1)
        let streamed = try StreamingFeatureFit.fit(FileRecords(.file(path), dialect: .csv), prefix: prefix, featureColumns: featureColumns,
                                                   missing: missing, scale: scale, sampleRows: 1_000, seed: 0)
        return (memory, streamed)
    }

    @Test(arguments: [ScaleMethod.standard, .minmax, .none])
    func equalsInMemoryFit(scale: ScaleMethod) throws {
        let (memory, streamed) = try fits(csv, featureColumns: [1, 2, 3], missing: .error, scale: scale)
        #expect(streamed.pipeline.columns == memory.0.columns)
        #expect(streamed.pipeline.scaler.method == scale)
        for (a, b) in zip(streamed.pipeline.scaler.center + streamed.pipeline.scaler.scale, memory.0.scaler.center + memory.0.scaler.scale) {
            #expect(abs(a - b) <= 1e-12 * max(1, abs(b)))
        }
        // The sample holds every row, in file order, when the file is smaller than it.
        #expect(streamed.rowCount == 6 && streamed.featureRowCount == 6)
        #expect(zip(streamed.sample.storage, memory.1.matrix.storage).allSatisfy { abs($0 - $1) <= 1e-12 })
    }

    @Test func categoriesBeyondThePrefixAndMeanFill() throws {
        // The prefix (3 rows) sees categories a and b only; the pass finds c.
        let text = "g,x\na,1\na,\nb,2\nc,4\nc,7\nc,3\n"
        let (memory, streamed) = try fits(text, featureColumns: [0, 1], missing: .mean, scale: .standard, prefixRows: 3)
        #expect(streamed.pipeline.columns == memory.0.columns)
        #expect(streamed.pipeline.outputNames == ["g=a", "g=b", "g=c", "x"])
        #expect(streamed.pipeline.columns[1].numericFill == 17.0 / 5)
        #expect(streamed.pipeline.columns[0].categoryFill == "c")
    }

    @Test func dropCountsRowsWithoutFeatures() throws {
        let (memory, streamed) = try fits("x,y\n1,2\n,3\n4,\n5,6\n", featureColumns: [0, 1], missing: .drop, scale: .standard)
        #expect(streamed.rowCount == 4)
        #expect(streamed.featureRowCount == 2)
        #expect(streamed.pipeline.scaler == memory.0.scaler)
    }

    @Test func textAfterThePrefixNamesItsLine() throws {
        let path = try TestFiles.temporary("x\n1\n2\nabc\n")
        let prefix = try TableLoader.loadPrefix(.file(path), dialect: .csv, rows: 2, threads: 1)
        #expect(throws: SegmentError.invalidData(file: path, line: 4, column: "x", message: ParameterText(FeatureCellError.notANumber.message(for: "abc")))) {
            try StreamingFeatureFit.fit(FileRecords(.file(path), dialect: .csv), prefix: prefix, featureColumns: [0], missing: .error, scale: .none,
                                        sampleRows: 10, seed: 0)
        }
    }
}
