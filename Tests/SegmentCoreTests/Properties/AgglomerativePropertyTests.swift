import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Agglomerative clustering (Lance & Williams, 1967; Müllner, "Modern
/// hierarchical, agglomerative clustering algorithms", 2011) against the
/// definition, on many seeded random small datasets: replaying the merge
/// tree, each merge joins the two current clusters with the smallest
/// linkage distance computed by brute force, its height is that distance,
/// and heights never decrease.
@Suite struct AgglomerativePropertyTests {
    /// The linkage distance between two sets of rows, from its definition
    /// (Ward in SciPy's convention: sqrt(2·nᵤ·nᵥ/(nᵤ+nᵥ))·‖cᵤ − cᵥ‖).
    static func linkageDistance(_ u: [Int], _ v: [Int], rows: [[Double]], linkage: Linkage) -> Double {
        func distance(_ a: [Double], _ b: [Double]) -> Double {
            zip(a, b).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        }
        let pairs = u.flatMap { i in v.map { j in distance(rows[i], rows[j]) } }
        switch linkage {
        case .single: return pairs.min()!
        case .complete: return pairs.max()!
        case .average: return pairs.reduce(0, +) / Double(pairs.count)
        case .ward:
            func centroid(_ set: [Int]) -> [Double] {
                (0..<rows[0].count).map { feature in set.reduce(0.0) { $0 + rows[$1][feature] } / Double(set.count) }
            }
            let nu = Double(u.count), nv = Double(v.count)
            return (2 * nu * nv / (nu + nv)).squareRoot() * distance(centroid(u), centroid(v))
        }
    }

    @Test(arguments: Linkage.allCases)
    func mergesFollowTheDefinition(_ linkage: Linkage) throws {
        for index in 0..<(propertyIterations / 2) {
            let dataset = RandomDataset(index: index, rounded: index % 3 == 0, rows: 2...25)
            let rows = dataset.rows, n = rows.count
            let result = try Agglomerative(.init(linkage: linkage, cut: .clusterCount(1), threads: 1 + index % 2)).fit(dataset.points)
            let merges = result.linkage.merges
            #expect(merges.count == n - 1)
            var members: [Int: [Int]] = Dictionary(uniqueKeysWithValues: (0..<n).map { ($0, [$0]) })
            var previous = -Double.infinity
            for (step, merge) in merges.enumerated() {
                guard let left = members[merge.left], let right = members[merge.right], merge.left != merge.right else {
                    Issue.record("seed \(dataset.seed), \(linkage): merge \(step) joins a cluster that does not exist")
                    break
                }
                let height = Self.linkageDistance(left, right, rows: rows, linkage: linkage)
                let tolerance = 1e-9 * max(1, height)
                #expect(abs(merge.distance - height) <= tolerance, "seed \(dataset.seed), \(linkage), merge \(step)")
                #expect(merge.distance >= previous, "seed \(dataset.seed), \(linkage): heights decrease at merge \(step)")
                #expect(merge.size == left.count + right.count)
                let current = members.keys.sorted()
                var smallest = Double.infinity
                for (position, a) in current.enumerated() {
                    for b in current[(position + 1)...] {
                        smallest = min(smallest, Self.linkageDistance(members[a]!, members[b]!, rows: rows, linkage: linkage))
                    }
                }
                #expect(height <= smallest + tolerance, "seed \(dataset.seed), \(linkage): merge \(step) is not the closest pair")
                previous = merge.distance
                members[n + step] = left + right
                members[merge.left] = nil
                members[merge.right] = nil
            }
        }
    }
}
