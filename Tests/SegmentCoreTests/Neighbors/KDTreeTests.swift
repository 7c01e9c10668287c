import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The k-d tree's queries against brute force.
@Suite struct KDTreeTests {
    static func bruteDistances(_ points: Matrix, from i: Int, metric: DistanceMetric) -> [Double] {
        (0..<points.rows).map { j in
            var sum = 0.0
            for c in 0..<points.columns {
                let difference = points[i, c] - points[j, c]
                sum += metric == .euclidean ? difference * difference : abs(difference)
            }
            return sum
        }
    }

    @Test(arguments: DistanceMetric.allCases)
    func queriesMatchBruteForce(_ metric: DistanceMetric) {
        let points = ClusteringReference.randomPoints(rows: 700, columns: 3, seed: 3)
        let tree = KDTree(points, leafSize: 8)
        let radius = KDTree.reduced(1.5, metric)
        var stack: [Int] = [], neighbors: [Int] = [], nearest = [Double](repeating: 0, count: 5)
        tree.points.withUnsafeBufferPointer { treePoints in
            tree.bounds.withUnsafeBufferPointer { bounds in
                for position in stride(from: 0, to: 700, by: 7) {
                    let row = tree.rowOfPosition[position]
                    let brute = Self.bruteDistances(points, from: row, metric: metric)
                    let query = treePoints.baseAddress! + position * 3
                    let inside = brute.filter { $0 <= radius }.count
                    #expect(tree.count(within: radius, of: query, metric: metric, limit: .max,
                                       points: treePoints.baseAddress!, bounds: bounds.baseAddress!, stack: &stack) == inside)
                    #expect(tree.count(within: radius, of: query, metric: metric, limit: 3,
                                       points: treePoints.baseAddress!, bounds: bounds.baseAddress!, stack: &stack) >= min(3, inside))
                    tree.neighbors(within: radius, of: query, metric: metric, minimumPosition: 0,
                                   points: treePoints.baseAddress!, bounds: bounds.baseAddress!, stack: &stack, into: &neighbors)
                    #expect(Set(neighbors.map { tree.rowOfPosition[$0] }) == Set(brute.indices.filter { brute[$0] <= radius }))
                    let kth = tree.kthNearestDistance(5, of: query, metric: metric, points: treePoints.baseAddress!,
                                                      bounds: bounds.baseAddress!, stack: &stack, nearest: &nearest)
                    #expect(kth == brute.sorted()[4])
                }
            }
        }
    }

    @Test func keepsEveryRowOnce() {
        let points = ClusteringReference.randomPoints(rows: 1000, columns: 2, seed: 5)
        let tree = KDTree(points)
        #expect(tree.rowOfPosition.sorted() == Array(0..<1000))
        #expect(tree.points[0..<2] == points.storage[(tree.rowOfPosition[0] * 2)..<(tree.rowOfPosition[0] * 2 + 2)])
    }
}
