import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Agglomerative clustering against SciPy, scikit-learn and a plain
/// textbook implementation.
@Suite struct AgglomerativeTests {
    /// The textbook algorithm (Müllner 2011, "generic" primitive): repeatedly
    /// merge the closest pair of clusters in a full distance matrix updated by
    /// Lance–Williams. Returns the merge heights in increasing order.
    static func goldHeights(_ points: Matrix, linkage: Linkage) -> [Double] {
        let n = points.rows
        var distance = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                var sum = 0.0
                for c in 0..<points.columns { sum += (points[i, c] - points[j, c]) * (points[i, c] - points[j, c]) }
                distance[i][j] = sum.squareRoot()
            }
        }
        var size = [Double](repeating: 1, count: n)
        var alive = Set(0..<n)
        var heights: [Double] = []
        while alive.count > 1 {
            var best = (Double.infinity, 0, 0)
            for i in alive { for j in alive where i < j && distance[i][j] < best.0 { best = (distance[i][j], i, j) } }
            let (height, x, y) = best
            heights.append(height)
            for i in alive where i != x && i != y {
                let dx = distance[i][x], dy = distance[i][y], nx = size[x], ny = size[y], ni = size[i]
                let updated: Double
                switch linkage {
                case .single: updated = min(dx, dy)
                case .complete: updated = max(dx, dy)
                case .average: updated = (nx * dx + ny * dy) / (nx + ny)
                case .ward:
                    let t = 1 / (nx + ny + ni)
                    updated = ((ni + nx) * t * dx * dx + (ni + ny) * t * dy * dy - ni * t * height * height).squareRoot()
                }
                distance[i][y] = updated
                distance[y][i] = updated
            }
            size[y] += size[x]
            alive.remove(x)
        }
        return heights.sorted()
    }

    @Test(arguments: Linkage.allCases)
    func matchesSciPyLinkage(_ linkage: Linkage) throws {
        // linkage.json: scipy.cluster.hierarchy.linkage(X, method) on the 40 points of
        // linkage_points.csv (numpy default_rng(12345).uniform(0, 10, (40, 3))), SciPy 1.17.1.
        let reference = try ClusteringReference.json("linkage.json")
        let expected = (reference["methods"] as! [String: Any])[linkage.rawValue] as! [[Double]]
        let points = try ClusteringReference.points("linkage_points.csv")
        let tree = try Agglomerative(.init(linkage: linkage, cut: .clusterCount(1))).fit(points).linkage
        #expect(tree.merges.count == expected.count)
        for (merge, row) in zip(tree.merges, expected) {
            #expect(merge.left == Int(row[0]) && merge.right == Int(row[1]) && merge.size == Int(row[3]))
            #expect(abs(merge.distance - row[2]) <= 1e-9 * row[2])
        }
    }

    @Test(arguments: Linkage.allCases)
    func matchesGoldImplementation(_ linkage: Linkage) throws {
        let points = ClusteringReference.randomPoints(rows: 150, columns: 4, seed: 7)
        let gold = Self.goldHeights(points, linkage: linkage)
        for threads in [1, 2] {
            let tree = try Agglomerative(.init(linkage: linkage, cut: .clusterCount(1), threads: threads)).fit(points).linkage
            for (merge, height) in zip(tree.merges, gold) {
                #expect(abs(merge.distance - height) <= 1e-9 * height)
            }
        }
    }

    @Test func parallelSearchesGiveIdenticalMerges() throws {
        // Split every search into chunks (the default splits from 8192 live clusters on).
        let points = ClusteringReference.randomPoints(rows: 1200, columns: 3, seed: 11)
        let sequential = Agglomerative.wardLinkage(points, threads: 1)
        let parallel = Agglomerative.wardLinkage(points, threads: 2, parallelAbove: 16)
        #expect(sequential.map(\.a) == parallel.map(\.a))
        #expect(sequential.map(\.b) == parallel.map(\.b))
        #expect(sequential.map(\.distance) == parallel.map(\.distance))
    }

    @Test(arguments: Linkage.allCases)
    func agreesWithScikitLearnOnMall(_ linkage: Linkage) throws {
        // agglomerative_mall.json: AgglomerativeClustering(n_clusters=5, linkage=...) on mall
        // income + spending, unscaled (scikit-learn 1.9.1).
        let reference = try ClusteringReference.json("agglomerative_mall.json")
        let method = (reference["methods"] as! [String: Any])[linkage.rawValue] as! [String: Any]
        let expected = method["labels"] as! [Int]
        let result = try Agglomerative(.init(linkage: linkage, cut: .clusterCount(5))).fit(try ClusteringReference.mall())
        #expect(ClusteringReference.adjustedRandIndex(result.clustering.labels, expected) >= 0.95)
        #expect(result.clustering.sizes == method["sizes_desc"] as! [Int])
    }

    @Test func centersAreSegmentMeans() throws {
        let points = Matrix([[0, 0], [0, 2], [10, 10], [10, 12], [10, 14]])
        let clustering = try Agglomerative(.init(linkage: .average, cut: .clusterCount(2))).fit(points).clustering
        #expect(clustering.labels == [1, 1, 0, 0, 0])
        #expect(clustering.centers == Matrix([[10, 12], [0, 1]]))
    }

    @Test func refusesDistanceMatrixBeyondBudget() throws {
        let points = ClusteringReference.randomPoints(rows: 1000, columns: 2, seed: 1)
        let configuration = Agglomerative.Configuration(linkage: .complete, cut: .clusterCount(3), maxMemoryBytes: 1_000_000)
        #expect(Agglomerative.estimatedMemory(rows: 1000, columns: 2, linkage: .complete) == 499_500 * 8 + 2 * 16_000)
        #expect(throws: ParameterError("max-memory",
            "complete linkage on 1000 rows needs the condensed distance matrix, about 3.8 MiB, more than the 976.6 KiB allowed "
            + "(\(parameter: "max-memory"), default: available memory); use \(parameter: "linkage") ward or single (memory grows linearly with the rows), "
            + "sample the rows, try \(parameter: "algorithm") birch or kmeans, or raise \(parameter: "max-memory")")) {
            try Agglomerative(configuration).fit(points)
        }
        // Ward needs no matrix, whatever the budget.
        _ = try Agglomerative(.init(linkage: .ward, cut: .clusterCount(3), maxMemoryBytes: 1)).fit(points)
    }

    @Test func rejectsMoreSegmentsThanRows() {
        #expect(throws: ParameterError("k", "\(parameter: "k") must be between 1 and the number of rows (3), got 4")) {
            try Agglomerative(.init(cut: .clusterCount(4))).fit(Matrix([[0], [1], [2]]))
        }
    }
}
