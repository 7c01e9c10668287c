import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// BIRCH against scikit-learn's `Birch`.
@Suite struct BIRCHTests {
    @Test func matchesScikitLearnOnMall() throws {
        // birch_mall.json: Birch(threshold=3, n_clusters=5, branching_factor=50) on mall
        // income + spending, unscaled (scikit-learn 1.9.1): 70 subclusters, silhouette 0.55299.
        let reference = try ClusteringReference.json("birch_mall.json")
        let points = try ClusteringReference.mall()
        let result = try BIRCH(.init(threshold: 3, branchingFactor: 50, clusterCount: 5)).fit(points)
        let centers = reference["subcluster_centers"] as! [[Double]]
        #expect(result.subclusterCenters.rows == centers.count)
        for (row, center) in centers.enumerated() {
            for (column, value) in center.enumerated() {
                #expect(abs(result.subclusterCenters[row, column] - value) <= 1e-9 * max(1, abs(value)))
            }
        }
        #expect(ClusteringReference.samePartition(result.clustering.labels, reference["labels"] as! [Int]))
        #expect(ClusteringReference.silhouette(points, result.clustering.labels) >= 0.54)
    }

    @Test func splitsNodesWithSmallBranchingFactor() throws {
        // Many subclusters force leaf and root splits. Without the global step every
        // subcluster is a segment and each row takes its nearest subcluster centroid.
        let points = ClusteringReference.randomPoints(rows: 300, columns: 2, seed: 4)
        let result = try BIRCH(.init(threshold: 0.3, branchingFactor: 3)).fit(points)
        let centers = result.subclusterCenters
        #expect(centers.rows > 9)
        let nearest = (0..<300).map { row in
            let distances = (0..<centers.rows).map { c in
                (0..<2).reduce(0.0) { $0 + (points[row, $1] - centers[c, $1]) * (points[row, $1] - centers[c, $1]) }
            }
            return distances.indices.min { distances[$0] < distances[$1] }!
        }
        #expect(ClusteringReference.samePartition(result.clustering.labels, nearest))
    }

    @Test func subclusterRadiusStaysWithinThreshold() throws {
        let points = ClusteringReference.randomPoints(rows: 500, columns: 3, seed: 8)
        let threshold = 0.8
        let result = try BIRCH(.init(threshold: threshold)).fit(points)
        // Without the global step, segments are the subclusters: each has radius ≤ threshold
        // around its mean (the radius test of the CF-tree).
        let labels = result.clustering.labels
        for segment in 0..<result.clustering.segmentCount {
            let rows = labels.indices.filter { labels[$0] == segment }
            guard let centers = result.clustering.centers else { Issue.record("no centers"); return }
            let meanSquared = rows.reduce(0.0) { total, row in
                total + (0..<3).reduce(0.0) { $0 + (points[row, $1] - centers[segment, $1]) * (points[row, $1] - centers[segment, $1]) }
            } / Double(rows.count)
            #expect(meanSquared.squareRoot() <= threshold * 1.5)
        }
    }

    @Test func rejectsTooManySegments() {
        #expect(throws: ParameterError("k",
            "BIRCH found only 1 subcluster(s), fewer than \(parameter: "k") 2; lower \(parameter: "threshold") or ask for fewer segments")) {
            try BIRCH(.init(threshold: 5, clusterCount: 2)).fit(Matrix([[0], [1], [2]]))
        }
    }
}
