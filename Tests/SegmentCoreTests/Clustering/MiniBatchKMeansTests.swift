import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The mini-batch k-means update against hand-computed values and a plain
/// transcription of scikit-learn's step (`PlainMiniBatch`).
@Suite struct MiniBatchKMeansTests {
    /// A model started from `centers` (row-major, `width` features).
    func model(centers: [Double], width: Int, rowCount: Int, batchSize: Int, seed: UInt64 = 7) -> MiniBatchKMeans {
        var configuration = MiniBatchKMeans.Configuration(clusterCount: centers.count / width)
        configuration.batchSize = batchSize
        return MiniBatchKMeans(configuration: configuration, centers: Matrix(rows: centers.count / width, columns: width, storage: centers),
                               rowCount: rowCount, rng: SplitMix64(seed: seed))
    }

    @Test func handComputedUpdates() {
        // Centres 0 and 10. Batch (1, 2, 9): centre 0 becomes mean(1, 2) = 1.5
        // with count 2, centre 1 becomes 9 with count 1. Batch (3, 11, 10):
        // centre 0 = (1.5·2 + 3) / 3 = 2, centre 1 = (9·1 + 11 + 10) / 3 = 10.
        var fit = model(centers: [0, 10], width: 1, rowCount: 100, batchSize: 3)
        #expect(![1.0, 2, 9].withUnsafeBufferPointer { fit.step($0) })
        #expect(fit.centers.storage == [1.5, 9])
        #expect(fit.counts == [2, 1])
        _ = [3.0, 11, 10].withUnsafeBufferPointer { fit.step($0) }
        #expect(fit.centers.storage == [2, 10])
        #expect(fit.counts == [3, 3])
    }

    @Test func stepLimitIsEpochsTimesRowsOverBatchSize() {
        var fit = model(centers: [0, 10], width: 1, rowCount: 10, batchSize: 4)
        #expect(fit.stepLimit == 100 * 10 / 4)
        var stopped = false
        while !stopped { stopped = [1.0, 2, 9, 11].withUnsafeBufferPointer { fit.step($0) } }
        // Identical batches: the smoothed inertia stops improving, so the run ends early.
        #expect(fit.converged)
        #expect(fit.steps < fit.stepLimit)
    }

    @Test func toleranceStopsWhenCentresStopMoving() {
        // The same batch twice: the second step leaves every centre at the
        // mean of its rows, a change of 0, which is within any tolerance.
        var configuration = MiniBatchKMeans.Configuration(clusterCount: 2)
        configuration.batchSize = 4
        var fit = MiniBatchKMeans(configuration: configuration, centers: Matrix(rows: 2, columns: 1, storage: [0, 10]),
                                  rowCount: 1_000, rng: SplitMix64(seed: 1), tolerance: 1e-9)
        #expect(![1.0, 2, 9, 11].withUnsafeBufferPointer { fit.step($0) })
        #expect([1.0, 2, 9, 11].withUnsafeBufferPointer { fit.step($0) })
        #expect(fit.converged && fit.steps == 2)
    }

    @Test func matchesPlainScikitLearnStep() {
        // Six overlapping groups in 3-D, k = 5 from the first rows but one
        // centre far away, batches of 20: the far centre gets no rows, so the
        // low-count reassignment moves it to a batch row in the first step.
        var rng = SplitMix64(seed: 3)
        let width = 3, batchSize = 20, rows = 2_000
        var data: [Double] = []
        for row in 0..<rows {
            for feature in 0..<width { data.append(Double((row % 6) * (feature + 1)) + rng.nextUnitDouble() * 2) }
        }
        let start = Array(data[0..<(4 * width)]) + [1_000, 1_000, 1_000]
        var fit = model(centers: start, width: width, rowCount: rows, batchSize: batchSize, seed: 11)
        var plain = PlainMiniBatch(centers: (0..<5).map { Array(start[($0 * width)..<(($0 + 1) * width)]) }, counts: [Double](repeating: 0, count: 5),
                                   rng: SplitMix64(seed: 11), rowCount: rows, batchSize: batchSize)
        for step in 0..<(rows / batchSize) {
            let batch = Array(data[(step * batchSize * width)..<((step + 1) * batchSize * width)])
            let stopped = batch.withUnsafeBufferPointer { fit.step($0) }
            let plainStopped = plain.step((0..<batchSize).map { Array(batch[($0 * width)..<(($0 + 1) * width)]) })
            #expect(fit.centers.storage == plain.centers.flatMap { $0 }, "step \(step)")
            #expect(fit.counts == plain.counts, "step \(step)")
            #expect(stopped == plainStopped, "step \(step)")
            if step == 0 { #expect(fit.centers[4, 0] < 1_000) }
            if stopped || plainStopped { break }
        }
        #expect(plain.steps > 2)
    }

    @Test func seedingKeepsTheBestOfThreeOnTheSample() throws {
        // Two far groups; every k-means++ restart finds them, so the sample
        // inertia is the within-group spread.
        let sample = Matrix(rows: 6, columns: 1, storage: [0, 1, 2, 100, 101, 102])
        let fit = try MiniBatchKMeans(configuration: .init(clusterCount: 2), sample: sample, rowCount: 6)
        #expect(MiniBatchKMeans.inertia(of: sample, centers: fit.centers) <= 4 * 2 + 1e-9)
        #expect(fit.batchSize == 6)
    }

    @Test func tooFewRowsIsAnError() {
        #expect(throws: ParameterError("k", "the data has 2 rows with features, fewer than \(parameter: "k") 3; lower \(parameter: "k")")) {
            try MiniBatchKMeans(configuration: .init(clusterCount: 3), sample: Matrix(rows: 2, columns: 1, storage: [0, 1]), rowCount: 2)
        }
    }

    @Test func numberingFromCountsEqualsNumberingFromLabels() {
        var rng = SplitMix64(seed: 5)
        let labels = (0..<500).map { _ in Int.random(in: 0..<7, using: &rng) } + [3, 3, 3]
        var sizes = [Int](repeating: 0, count: 8), firstRows = [Int](repeating: .max, count: 8)
        for (row, label) in labels.enumerated() {
            sizes[label] += 1
            if firstRows[label] == .max { firstRows[label] = row }
        }
        let streamed = SegmentNumbering(sizes: sizes, firstRows: firstRows)
        let direct = SegmentNumbering(rawLabels: labels)
        #expect(streamed.order == direct.order)
        #expect(Array(streamed.newLabel.prefix(7)) == direct.newLabel)
        #expect(streamed.newLabel[7] == -1)
    }

    @Test func reservoirKeepsEverythingUpToCapacityAndSamplesUniformly() {
        var small = ReservoirSample(capacity: 5, width: 2, rng: SplitMix64(seed: 1))
        for value in [1.0, 2, 3] { var row = [value, -value]; small.offer(&row) }
        #expect(small.storage == [1, -1, 2, -2, 3, -3])
        // Capacity 2 of 10 rows, 20,000 seeds: each row is kept with probability 0.2.
        var kept = [Int](repeating: 0, count: 10)
        for seed in 0..<20_000 {
            var sample = ReservoirSample(capacity: 2, width: 1, rng: SplitMix64(seed: UInt64(seed)))
            for value in 0..<10 { var row = Double(value); sample.offer(&row) }
            for value in sample.storage { kept[Int(value)] += 1 }
        }
        for count in kept { #expect(abs(Double(count) / 20_000 - 0.2) < 0.015) }
    }
}
