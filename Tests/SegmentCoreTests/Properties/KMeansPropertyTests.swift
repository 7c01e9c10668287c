import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Properties of k-means on many seeded random small datasets: every row gets
/// a label in range, Lloyd's inertia never increases, Hamerly's bounds give
/// exactly Lloyd's result, and a saved model labels the training rows as the
/// fit did.
@Suite struct KMeansPropertyTests {
    /// A k between 1 and the number of distinct rows (at most 6).
    static func clusterCount(for data: Matrix, index: Int) -> Int {
        let distinct = data.distinctRowCount(limit: 6)
        return 1 + index % distinct
    }

    static func configuration(k: Int, method: KMeans.Method, index: Int) -> KMeans.Configuration {
        var configuration = KMeans.Configuration(clusterCount: k)
        configuration.restarts = 2
        configuration.method = method
        configuration.seed = UInt64(index)
        configuration.threads = 1 + index % 3
        configuration.initialization = index % 4 == 3 ? .random : .kMeansPlusPlus
        return configuration
    }

    @Test func everyRowGetsALabelInRange() throws {
        for index in 0..<propertyIterations {
            let dataset = RandomDataset(index: index, rounded: index % 2 == 0)
            let k = Self.clusterCount(for: dataset.points, index: index)
            let fit = try KMeans.fit(dataset.points, configuration: Self.configuration(k: k, method: .auto, index: index))
            #expect(fit.labels.count == dataset.points.rows, "seed \(dataset.seed)")
            #expect(fit.labels.allSatisfy { (0..<k).contains($0) }, "seed \(dataset.seed)")
            #expect(Set(fit.labels).count == k, "seed \(dataset.seed): an empty cluster")
            let clustering = fit.clustering
            #expect(clustering.segmentCount == k)
            #expect(clustering.labels.allSatisfy { (0..<k).contains($0) })
            #expect(fit.inertia.isFinite && fit.inertia >= 0)
            #expect(fit.centers.storage.allSatisfy { $0.isFinite })
        }
    }

    @Test func lloydInertiaNeverIncreases() throws {
        for index in 0..<propertyIterations {
            let dataset = RandomDataset(index: index, rounded: index % 2 == 0)
            let k = Self.clusterCount(for: dataset.points, index: index)
            var rng = SplitMix64(seed: UInt64(index))
            let start = KMeans.randomCenters(dataset.points, count: k, using: &rng)
            for accelerated in [false, true] {
                var run = KMeans.Run(data: dataset.points, centers: start, threads: 1 + index % 2)
                run.inertiaTrace = []
                let result = run.iterate(maximumIterations: 100, tolerance: 0, accelerated: accelerated)
                let trace = run.inertiaTrace! + [result.inertia]
                // Each assignment step and each centre update can only lower
                // the sum of squares; incremental centre sums allow rounding.
                for step in 1..<trace.count {
                    #expect(trace[step] <= trace[step - 1] * (1 + 1e-12) + 1e-12,
                            "seed \(dataset.seed), accelerated \(accelerated): inertia rose at iteration \(step): \(trace)")
                }
            }
        }
    }

    @Test func hamerlyEqualsLloydExactly() throws {
        for index in 0..<propertyIterations {
            let dataset = RandomDataset(index: index, rounded: index % 3 == 0)
            let k = Self.clusterCount(for: dataset.points, index: index)
            let lloyd = try KMeans.fit(dataset.points, configuration: Self.configuration(k: k, method: .lloyd, index: index))
            let hamerly = try KMeans.fit(dataset.points, configuration: Self.configuration(k: k, method: .hamerly, index: index))
            #expect(hamerly.labels == lloyd.labels, "seed \(dataset.seed)")
            #expect(hamerly.centers == lloyd.centers, "seed \(dataset.seed)")
            #expect(hamerly.inertia == lloyd.inertia, "seed \(dataset.seed)")
            #expect(hamerly.iterations == lloyd.iterations, "seed \(dataset.seed)")
        }
    }

    /// A model built from a fit, as `cluster --model` saves it, gives every
    /// training row its cluster label (continuous data: no distance ties).
    @Test func assignmentReproducesTheClusterLabels() throws {
        for index in 0..<propertyIterations {
            let dataset = RandomDataset(index: index)
            let k = Self.clusterCount(for: dataset.points, index: index)
            let clustering = try KMeans.fit(dataset.points, configuration: Self.configuration(k: k, method: .auto, index: index)).clustering
            var assigner = SegmentAssigner(rule: .nearestCenter(centers: clustering.centers!.storage, dimensions: dataset.points.columns))
            let assigned = dataset.rows.map { row in row.withUnsafeBufferPointer { assigner.label(of: $0) } }
            #expect(assigned == clustering.labels, "seed \(dataset.seed)")
        }
    }
}
