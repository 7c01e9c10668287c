import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// DBSCAN (Ester et al., KDD 1996) against a brute-force reference on many
/// seeded random small datasets, for both metrics: the same core points, the
/// same partition of the core points, the same noise, and every border point
/// in the cluster of a core point within eps (which one is order-dependent).
@Suite struct DBSCANPropertyTests {
    static func distance(_ a: [Double], _ b: [Double], _ metric: DistanceMetric) -> Double {
        switch metric {
        case .euclidean: return zip(a, b).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        case .manhattan: return zip(a, b).reduce(0.0) { $0 + abs($1.0 - $1.1) }
        }
    }

    @Test func matchesBruteForce() throws {
        for index in 0..<propertyIterations {
            let dataset = RandomDataset(index: index, rounded: index % 2 == 0)
            let rows = dataset.rows, n = rows.count
            let metric: DistanceMetric = index % 2 == 0 ? .euclidean : .manhattan
            let eps = 0.5 + Double(index % 7) * 0.5
            let minSamples = 1 + index % 5
            let result = try DBSCAN(.init(eps: .value(eps), minSamples: minSamples, metric: metric, threads: 1 + index % 2)).fit(dataset.points)
            let labels = result.clustering.labels

            // The reference: neighbourhoods (the point itself included), core
            // points, and clusters as connected components of core points.
            let neighbours = (0..<n).map { i in (0..<n).filter { Self.distance(rows[i], rows[$0], metric) <= eps } }
            let isCore = neighbours.map { $0.count >= minSamples }
            var component = [Int](repeating: -1, count: n)
            var components = 0
            for start in 0..<n where isCore[start] && component[start] < 0 {
                var stack = [start]
                component[start] = components
                while let point = stack.popLast() {
                    for other in neighbours[point] where isCore[other] && component[other] < 0 {
                        component[other] = components
                        stack.append(other)
                    }
                }
                components += 1
            }
            let cores = (0..<n).filter { isCore[$0] }
            #expect(result.coreIndices == cores, "seed \(dataset.seed)")
            #expect(ClusteringReference.samePartition(cores.map { labels[$0] }, cores.map { component[$0] }), "seed \(dataset.seed)")
            #expect(result.clustering.segmentCount == components, "seed \(dataset.seed)")
            for point in 0..<n where !isCore[point] {
                let reachable = neighbours[point].filter { isCore[$0] }
                if reachable.isEmpty {
                    #expect(labels[point] == -1, "seed \(dataset.seed): point \(point) should be noise")
                } else {
                    #expect(reachable.contains { labels[$0] == labels[point] }, "seed \(dataset.seed): border point \(point)")
                }
            }
        }
    }
}
