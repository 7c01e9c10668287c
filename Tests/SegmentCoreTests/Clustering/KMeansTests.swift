import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite struct KMeansTests {
    /// Runs k-means from explicit starting centres.
    func fit(_ data: Matrix, start: Matrix, method: KMeans.Method = .auto, threads: Int = 1, tolerance: Double = 1e-4) throws -> KMeans.Result {
        var configuration = KMeans.Configuration(clusterCount: start.rows)
        configuration.initialization = .centers(start)
        configuration.method = method
        configuration.threads = threads
        configuration.tolerance = tolerance
        return try KMeans.fit(data, configuration: configuration)
    }

    /// Hamerly's labels, centres and iterations equal Lloyd's from `start`,
    /// for 1 and 3 threads.
    func expectHamerlyEqualsLloyd(_ data: Matrix, start: Matrix) throws {
        let lloyd = try fit(data, start: start, method: .lloyd)
        for threads in [1, 3] {
            let hamerly = try fit(data, start: start, method: .hamerly, threads: threads)
            #expect(hamerly.labels == lloyd.labels, "threads \(threads)")
            #expect(hamerly.centers == lloyd.centers, "threads \(threads)")
            #expect(hamerly.iterations == lloyd.iterations, "threads \(threads)")
        }
    }

    @Test func twoPairsByHand() throws {
        // Centres move to (0, 0.5) and (10, 0.5); each point is 0.5 away: inertia 4 × 0.25.
        let data = Matrix([[0, 0], [0, 1], [10, 0], [10, 1]])
        let result = try fit(data, start: Matrix([[0, 0], [10, 0]]))
        #expect(result.labels == [0, 0, 1, 1])
        #expect(result.centers == Matrix([[0, 0.5], [10, 0.5]]))
        #expect(result.inertia == 1.0)
        #expect(result.iterations == 2)
        #expect(result.converged)
    }

    @Test func oneClusterIsTheMean() throws {
        let data = Matrix([[1], [2], [6]])
        let result = try fit(data, start: Matrix([[0]]))
        #expect(result.centers == Matrix([[3]]))
        #expect(result.inertia == 4 + 1 + 9)
    }

    /// scikit-learn 1.9.1: KMeans(3, init=C0, n_init=1, algorithm="lloyd").fit(P)
    /// on kmeans_init_points.csv (provenance in kmeans_init.json).
    @Test(arguments: [KMeans.Method.lloyd, .hamerly])
    func matchesScikitLearnFromFixedCenters(method: KMeans.Method) throws {
        let reference = try ReferenceData.json("kmeans_init.json")
        let points = try ReferenceData.matrix("reference/kmeans_init_points.csv", columns: ["x", "y", "z"])
        let start = try ReferenceData.matrix("reference/kmeans_init_centers.csv", columns: ["x", "y", "z"])
        #expect(abs(KMeans.meanFeatureVariance(points) * 1e-4 - (reference["tol_abs"] as! Double)) <= 1e-15)
        let result = try fit(points, start: start, method: method)
        let inertia = reference["inertia"] as! Double
        #expect(abs(result.inertia - inertia) / inertia <= 1e-12)
        #expect(result.iterations == reference["n_iter"] as! Int)
        #expect(result.labels == reference["labels"] as! [Int])
        let centers = (reference["cluster_centers"] as! [[Double]]).flatMap { $0 }
        for (ours, theirs) in zip(result.centers.storage, centers) { #expect(abs(ours - theirs) <= 1e-12) }
    }

    /// scikit-learn 1.9.1: KMeans(k, n_init=10, random_state=0) on mall income
    /// and spending (kmeans_mall.json): our inertia is no worse by more than 0.1 %.
    @Test func mallInertiaNoWorseThanScikitLearn() throws {
        let data = try ReferenceData.mallIncomeSpending()
        let reference = try ReferenceData.json("kmeans_mall.json")["per_k"] as! [[String: Any]]
        for entry in reference {
            let k = entry["k"] as! Int
            let result = try KMeans.fit(data, configuration: KMeans.Configuration(clusterCount: k))
            #expect(result.inertia <= (entry["inertia"] as! Double) * 1.001, "k=\(k)")
            if k == 5 { #expect(result.clustering.sizes == entry["sizes_desc"] as! [Int]) }
        }
    }

    @Test(arguments: [(3, 4, UInt64(1)), (7, 3, UInt64(2)), (20, 5, UInt64(3)), (2, 2, UInt64(4))])
    func hamerlyEqualsLloydEqualsPlainReference(k: Int, dims: Int, seed: UInt64) throws {
        let data = ReferenceData.blobs(rows: 3_000, dims: dims, centers: k + 2, spread: 3, seed: seed)
        let start = data.selectingRows(Array(0..<k))
        let tolerance = 1e-4 * KMeans.meanFeatureVariance(data)
        let lloyd = try fit(data, start: start, method: .lloyd)
        let hamerly = try fit(data, start: start, method: .hamerly)
        #expect(hamerly.labels == lloyd.labels)
        #expect(hamerly.centers == lloyd.centers)
        #expect(hamerly.inertia == lloyd.inertia)
        #expect(hamerly.iterations == lloyd.iterations)
        let plain = PlainLloyd(points: (0..<data.rows).map(data.row), start: (0..<k).map(start.row), tolerance: tolerance)
        #expect(plain.labels == lloyd.labels)
        #expect(plain.iterations == lloyd.iterations)
        #expect(abs(plain.inertia - lloyd.inertia) <= 1e-9 * plain.inertia)
    }

    /// Uniform noise in a cube: no cluster structure, so the bounds settle
    /// few rows and many chunks search every row; labels, centres and
    /// iterations must still be plain Lloyd's, for any thread count.
    @Test func denseSearchesGiveLloydsResult() throws {
        var generator = SplitMix64(seed: 12)
        let rows = 12_000, width = 8
        let data = Matrix(rows: rows, columns: width, storage: (0..<(rows * width)).map { _ in generator.nextUnitDouble() * 20 - 10 })
        let start = data.selectingRows(Array(0..<16))
        try expectHamerlyEqualsLloyd(data, start: start)
    }

    /// Tight blobs in the first half of the rows and uniform noise in the
    /// second: in the same pass, the blob chunks are settled by their bounds
    /// while the noise chunks search every row (more than 2/5 unsettled).
    /// The result must still be plain Lloyd's, for any thread count.
    @Test func mixedChunksGiveLloydsResult() throws {
        var generator = SplitMix64(seed: 5)
        let half = 8_192, width = 4
        let blobs = ReferenceData.blobs(rows: half, dims: width, centers: 6, spread: 0.3, seed: 3)
        let noise = (0..<(half * width)).map { _ in generator.nextUnitDouble() * 20 - 10 }
        let data = Matrix(rows: 2 * half, columns: width, storage: blobs.storage + noise)
        let start = data.selectingRows([0, 1, 2, 3, 4, 5, half, half + 1, half + 2])
        try expectHamerlyEqualsLloyd(data, start: start)
    }

    /// The bounds are kept in units of the coordinate scale: data far from
    /// 1 in either direction, and one or two centres (no second or third
    /// nearest), still give plain Lloyd's result. 4,003 rows: the second
    /// chunk (from row 2,048) ends with three rows after its blocks of four.
    @Test(arguments: [(1e-200, 5), (1e-30, 5), (1e30, 5), (1e120, 5), (1.0, 1), (1.0, 2)])
    func hamerlyEqualsLloydAtAnyScale(scale: Double, k: Int) throws {
        let blobs = ReferenceData.blobs(rows: 4_003, dims: 3, centers: 6, spread: 2, seed: 21)
        let data = Matrix(rows: blobs.rows, columns: blobs.columns, storage: blobs.storage.map { $0 * scale })
        try expectHamerlyEqualsLloyd(data, start: data.selectingRows(Array(0..<k)))
    }

    @Test func sameResultForAnyThreadCount() throws {
        // 50,000 rows span several row chunks.
        let data = ReferenceData.blobs(rows: 50_000, dims: 3, centers: 6, spread: 4, seed: 9)
        var configuration = KMeans.Configuration(clusterCount: 6)
        configuration.restarts = 2
        configuration.seed = 42
        var results: [KMeans.Result] = []
        for threads in [1, 2, 5] {
            configuration.threads = threads
            results.append(try KMeans.fit(data, configuration: configuration))
        }
        for result in results.dropFirst() {
            #expect(result.labels == results[0].labels)
            #expect(result.centers == results[0].centers)
            #expect(result.inertia.bitPattern == results[0].inertia.bitPattern)
        }
    }

    @Test func seedChangesSeedingButRunsRepeat() throws {
        let data = ReferenceData.blobs(rows: 500, dims: 2, centers: 5, spread: 5, seed: 3)
        var configuration = KMeans.Configuration(clusterCount: 4)
        configuration.restarts = 1
        let first = try KMeans.fit(data, configuration: configuration)
        let again = try KMeans.fit(data, configuration: configuration)
        #expect(first.labels == again.labels && first.centers == again.centers)
    }

    @Test func kMeansPlusPlusPicksDistinctRows() {
        let data = ReferenceData.blobs(rows: 400, dims: 2, centers: 4, spread: 1, seed: 5)
        var rng = SplitMix64(seed: 7)
        let centers = KMeans.kMeansPlusPlusCenters(data, count: 8, threads: 2, using: &rng)
        let rows = (0..<data.rows).map(data.row)
        let chosen = (0..<8).map(centers.row)
        #expect(chosen.allSatisfy { rows.contains($0) })
        #expect(Set(chosen.map { $0.map(\.bitPattern) }).count == 8)
    }

    @Test func emptyClusterIsRelocated() throws {
        // Centre 1 starts far from every point and gets none: it takes the
        // point farthest from its centre (row 2, at squared distance 0.01).
        let data = Matrix([[0, 0], [0, 0], [0.1, 0], [5, 5]])
        let result = try fit(data, start: Matrix([[0, 0], [100, 100], [5, 5]]), method: .lloyd)
        #expect(result.centers.storage.allSatisfy { $0.isFinite })
        #expect(result.centers.row(1) == [0.1, 0])
        #expect(result.inertia == 0)
        #expect(result.labels == [0, 0, 1, 2])
    }

    @Test func nonStrictStopEndsWithAFinalAssignment() throws {
        // One iteration only: labels must match the moved centres.
        let data = ReferenceData.blobs(rows: 300, dims: 2, centers: 3, spread: 4, seed: 11)
        var configuration = KMeans.Configuration(clusterCount: 3)
        configuration.initialization = .centers(data.selectingRows([0, 1, 2]))
        configuration.maximumIterations = 1
        let result = try KMeans.fit(data, configuration: configuration)
        #expect(!result.converged)
        let plain = PlainLloyd(points: (0..<data.rows).map(data.row), start: (0..<3).map(data.row), tolerance: 0, maximumIterations: 1)
        #expect(result.labels == plain.labels)
    }

    @Test func rejectsBadParameters() {
        let data = Matrix([[0], [1], [2]])
        #expect(throws: ParameterError("k", "k=5 but the input has only 3 rows; choose k ≤ 3")) {
            try KMeans.fit(data, configuration: KMeans.Configuration(clusterCount: 5))
        }
        var configuration = KMeans.Configuration(clusterCount: 2)
        configuration.initialization = .centers(Matrix([[0, 0], [1, 1]]))
        #expect(throws: ParameterError("init", "the starting centres have 2 features but the data has 1")) {
            try KMeans.fit(data, configuration: configuration)
        }
    }

    @Test func refusesMoreClustersThanDistinctRows() throws {
        let three = Matrix([[1, 2], [1, 2], [3, 4], [3, 4], [5, 6]])
        #expect(three.distinctRowCount(limit: 10) == 3)
        #expect(three.distinctRowCount(limit: 2) == 2)
        #expect(Matrix([[0.0], [-0.0]]).distinctRowCount(limit: 5) == 1)
        #expect(throws: ParameterError("k", "k=4 but the features have only 3 distinct rows; choose k ≤ 3")) {
            try KMeans.fit(three, configuration: KMeans.Configuration(clusterCount: 4))
        }
        let same = Matrix([[7], [7], [7]])
        #expect(throws: ParameterError("k", "k=2 but every row has the same feature values, so there is only one segment; choose k=1 or other \(parameter: "features")")) {
            try KMeans.fit(same, configuration: KMeans.Configuration(clusterCount: 2))
        }
        #expect(throws: ParameterError("k", "k=4 but the features have only 3 distinct rows; choose k ≤ 3")) {
            try Agglomerative(.init(linkage: .ward, cut: .clusterCount(4))).fit(three)
        }
        #expect(try KSelection.feasibleRange(2...10, for: three) == 2...3)
        #expect(throws: ParameterError("k-range", "\(parameter: "k-range") starts at k=5 but the features have only 3 distinct rows; choose a range within 1-3")) {
            try KSelection.feasibleRange(5...8, for: three)
        }
    }

    @Test func clusteringNumbersSegmentsBySize() throws {
        let data = Matrix([[0], [10], [10.5], [11]])
        let result = try fit(data, start: Matrix([[0], [10]]))
        let clustering = result.clustering
        #expect(clustering.labels == [1, 0, 0, 0])
        #expect(clustering.centers == Matrix([[10.5], [0]]))
        #expect(clustering.objective?.value == 0.5)
    }
}
