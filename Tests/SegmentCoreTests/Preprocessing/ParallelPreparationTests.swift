import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The parallel steps of feature preparation — interleaving parsed columns,
/// fitting and applying a scaler, the magnitude check — give the same
/// values as the row-by-row definitions for every thread count.
@Suite struct ParallelPreparationTests {
    /// A CSV of `rows` rows with an id and three numeric columns; `blank`
    /// rows leave column `y` empty.
    func csv(rows: Int, blank: Set<Int> = []) -> String {
        var text = "id,x,y,z\n"
        for row in 0..<rows {
            let y = blank.contains(row) ? "" : String((row * 37) % 101) + ".25"
            text += "\(row),\((row * 13) % 97 - 40),\(y),\(Double(row) / 7)\n"
        }
        return text
    }

    /// Row-by-row expectation: the parsed values of columns 1...3 of each row.
    func expectedRows(_ table: Table) -> [[Double]] {
        (0..<table.rowCount).map { row in (1...3).map { table.columns[$0].values![row] } }
    }

    @Test(arguments: [1, 2, 5])
    func completeNumericColumnsAreInterleavedInParallel(threads: Int) throws {
        // More rows than one interleave chunk, so several chunks run.
        let rows = FeaturePipeline.interleaveChunkRows * 2 + 17
        let table = try TestFiles.table(csv(rows: rows))
        let (_, features) = try FeaturePipeline.fit(table: table, featureColumns: [1, 2, 3], missing: .error, scale: .none, threads: threads)
        #expect(features.tableRows == Array(0..<rows))
        #expect(features.matrix == Matrix(expectedRows(table)))
    }

    @Test func aMissingValueLeavesTheRowsToTheMissingPolicy() throws {
        let rows = FeaturePipeline.interleaveChunkRows + 9
        let table = try TestFiles.table(csv(rows: rows, blank: [3, rows - 1]))
        let parsed = [1, 2, 3].map { table.columns[$0].values! }
        #expect(FeaturePipeline.interleaved(parsed, rowCount: rows, threads: 2) == nil)
        let (_, features) = try FeaturePipeline.fit(table: table, featureColumns: [1, 2, 3], missing: .drop, scale: .none, threads: 2)
        let kept = (0..<rows).filter { $0 != 3 && $0 != rows - 1 }
        #expect(features.tableRows == kept)
        let all = expectedRows(table)
        #expect(features.matrix == Matrix(kept.map { all[$0] }))
    }

    @Test(arguments: [ScaleMethod.standard, .minmax, .robust])
    func scalingIsTheSameForAnyThreadCount(method: ScaleMethod) throws {
        let rows = Scaler.transformChunkRows + 101
        let table = try TestFiles.table(csv(rows: rows))
        let (reference, serial) = try FeaturePipeline.fit(table: table, featureColumns: [1, 2, 3], missing: .error, scale: method, threads: 1)
        // Serial definition: each row scaled on its own.
        var expected = Matrix(expectedRows(table))
        for row in 0..<rows {
            expected.storage.withUnsafeMutableBufferPointer { values in
                reference.scaler.transform(row: UnsafeMutableBufferPointer(rebasing: values[(row * 3)..<(row * 3 + 3)]))
            }
        }
        #expect(serial.matrix == expected)
        for threads in [2, 3, 8] {
            let (pipeline, features) = try FeaturePipeline.fit(table: table, featureColumns: [1, 2, 3], missing: .error, scale: method, threads: threads)
            #expect(pipeline.scaler == reference.scaler)
            #expect(features.matrix == expected)
        }
    }

    @Test func anIdentityScalerKeepsNegativeZero() {
        var data = Matrix([[-0.0, 1], [.infinity, -2]])
        let identity = Scaler(method: .none, center: [0, 0], scale: [1, 1])
        #expect(identity.isIdentity)
        identity.transform(&data)
        #expect(data[0, 0].sign == .minus && data[1, 0] == .infinity && data[1, 1] == -2)
        // Subtracting a center of -0 turns -0 into +0, so it is applied.
        let negativeZero = Scaler(method: .none, center: [-0.0, 0], scale: [1, 1])
        #expect(!negativeZero.isIdentity)
        negativeZero.transform(&data)
        #expect(data[0, 0].sign == .plus)
    }

    @Test(arguments: [1, 2, 7])
    func theFirstOversizedValueInRowOrderIsReported(threads: Int) {
        // Three offending values in different chunks; the first one (row 5,
        // column b) is the one named, whatever chunk finishes first.
        let rows = FeatureMagnitude.checkChunkValues  // two values per row: two chunks
        var data = Matrix(rows: rows, columns: 2, storage: [Double](repeating: 1, count: rows * 2))
        data[5, 1] = 3e100
        data[rows - 1, 0] = -1e300
        data[rows / 2 + 3, 0] = .nan
        #expect(throws: SegmentError.invalidData(file: "f.csv", line: 7, column: "b", message: "the value 3e+100 after \(parameter: "scale") none is too large to compute distances with (the limit is ±1e100); use \(parameter: "scale") standard or minmax, or divide the column by a large constant")) {
            try FeatureMagnitude.check(data, names: ["a", "b"], source: "f.csv", lines: { $0 + 2 }, scale: .none, threads: threads)
        }
    }
}
