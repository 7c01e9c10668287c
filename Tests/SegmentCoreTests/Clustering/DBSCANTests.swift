import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// DBSCAN against scikit-learn and a plain implementation of its algorithm.
@Suite struct DBSCANTests {
    /// scikit-learn's `dbscan_inner` over stored neighbourhoods (brute force):
    /// clusters grow depth-first from each unlabelled core point in row order.
    static func gold(_ points: Matrix, eps: Double, minSamples: Int, metric: DistanceMetric) -> [Int] {
        let n = points.rows
        let neighborhoods = (0..<n).map { i in
            let distances = KDTreeTests.bruteDistances(points, from: i, metric: metric)
            return distances.indices.filter { distances[$0] <= KDTree.reduced(eps, metric) }
        }
        let isCore = neighborhoods.map { $0.count >= minSamples }
        var labels = [Int](repeating: -1, count: n)
        var next = 0
        for start in 0..<n where labels[start] == -1 && isCore[start] {
            var stack = [start]
            while let i = stack.popLast() {
                guard labels[i] == -1 else { continue }
                labels[i] = next
                if isCore[i] { stack += neighborhoods[i].filter { labels[$0] == -1 } }
            }
            next += 1
        }
        return labels
    }

    @Test(arguments: DistanceMetric.allCases)
    func matchesScikitLearn(_ metric: DistanceMetric) throws {
        // dbscan.json: sklearn.cluster.DBSCAN(eps=0.5, min_samples=5, metric=...) on the 300
        // points of dbscan_points.csv (3 blobs + uniform noise), scikit-learn 1.9.1.
        let reference = try ClusteringReference.json("dbscan.json")
        let expected = (reference[metric.rawValue] as! [String: Any])["labels"] as! [Int]
        let core = reference["core_sample_indices_\(metric.rawValue)"] as! [Int]
        let points = try ClusteringReference.points("dbscan_points.csv")
        for threads in [1, 2] {
            let result = try DBSCAN(.init(eps: .value(0.5), minSamples: 5, metric: metric, threads: threads)).fit(points)
            #expect(ClusteringReference.samePartition(result.clustering.labels, expected))
            #expect(result.coreIndices == core)
        }
    }

    @Test func matchesScikitLearnOnMallIncludingTiesAtEps() throws {
        // dbscan.json "mall": DBSCAN(eps=9, min_samples=4) on mall income + spending (unscaled);
        // 22 pairs sit at exactly 9 (neighbours, since the test is ≤), and row 182 is reachable
        // from two clusters: it takes the first that reaches it, as in scikit-learn.
        let reference = try ClusteringReference.json("dbscan.json")
        let mall = reference["mall"] as! [String: Any]
        let result = try DBSCAN(.init(eps: .value(9), minSamples: 4)).fit(try ClusteringReference.mall())
        #expect(ClusteringReference.samePartition(result.clustering.labels, mall["labels"] as! [Int]))
        #expect(result.coreIndices == mall["core_sample_indices"] as! [Int])
        #expect(result.clustering.sizes == mall["sizes_desc"] as! [Int])
    }

    @Test(arguments: DistanceMetric.allCases)
    func matchesGoldImplementation(_ metric: DistanceMetric) throws {
        let points = ClusteringReference.randomPoints(rows: 400, columns: 3, seed: 21)
        for (eps, minSamples) in [(0.8, 4), (1.2, 8), (0.5, 1)] {
            let gold = Self.gold(points, eps: eps, minSamples: minSamples, metric: metric)
            let result = try DBSCAN(.init(eps: .value(eps), minSamples: minSamples, metric: metric)).fit(points)
            #expect(ClusteringReference.samePartition(result.clustering.labels, gold))
        }
    }

    @Test func tinyCaseByHand() throws {
        // 0, 1, 2 are within 1.5 of a neighbour (core with min_samples 2); 10 is alone.
        let result = try DBSCAN(.init(eps: .value(1.5), minSamples: 2)).fit(Matrix([[0], [1], [2], [10]]))
        #expect(result.clustering.labels == [0, 0, 0, -1])
        #expect(result.coreIndices == [0, 1, 2])
        #expect(result.clustering.centers == Matrix([[1]]))
        // With min_samples 3 only the middle point is core; its neighbours are border points.
        let border = try DBSCAN(.init(eps: .value(1.5), minSamples: 3)).fit(Matrix([[0], [1], [2], [10]]))
        #expect(border.clustering.labels == [0, 0, 0, -1])
        #expect(border.coreIndices == [1])
    }

    @Test func defaultMinSamplesIsTwicePerFeature() throws {
        let result = try DBSCAN(.init(eps: .value(1))).fit(ClusteringReference.randomPoints(rows: 50, columns: 3, seed: 2))
        #expect(result.minSamples == 6)
    }

    @Test func kneeOfHandMadeCurve() {
        // Flat, then a jump: the knee is the last point before the jump.
        #expect(DBSCAN.knee(ofAscending: [1, 1, 1.1, 1.2, 1.3, 5, 10]) == 1.3)
        #expect(DBSCAN.knee(ofAscending: [2, 2, 2]) == 2)
    }

    @Test func automaticEpsSeparatesBlobs() throws {
        // Two dense blobs of 100 points far apart plus 10 scattered points: the knee of
        // the k-distance curve sits where the blob distances end.
        var generator = SplitMix64(seed: 9)
        var rows: [[Double]] = []
        for center in [0.0, 50.0] {
            for _ in 0..<100 { rows.append([center + generator.nextUnitDouble(), center + generator.nextUnitDouble()]) }
        }
        for _ in 0..<10 { rows.append([100 * generator.nextUnitDouble() - 25, 100 * generator.nextUnitDouble() + 10]) }
        let result = try DBSCAN(.init(eps: .automatic, minSamples: 4)).fit(Matrix(rows))
        #expect(result.eps > 0 && result.eps < 1)
        #expect(result.clustering.segmentCount == 2)
    }

    @Test func rejectsBadParameters() {
        #expect(throws: ParameterError("eps", "\(parameter: "eps") must be greater than 0, got 0.0")) {
            try DBSCAN(.init(eps: .value(0), minSamples: 2)).fit(Matrix([[0], [1]]))
        }
        #expect(throws: ParameterError("min-samples", "\(parameter: "min-samples") must be at least 1, got 0")) {
            try DBSCAN(.init(eps: .value(1), minSamples: 0)).fit(Matrix([[0], [1]]))
        }
    }
}
