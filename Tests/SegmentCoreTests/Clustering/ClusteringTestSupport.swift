import Foundation
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Reference data from `Fixtures/reference/` (made by bench/reference/make_reference.py
/// with SciPy 1.17.1 / scikit-learn 1.9.1; each JSON states its provenance) and
/// plain helpers for comparing partitions.
enum ClusteringReference {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A reference JSON object.
    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("Fixtures/reference/\(name)"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// A numeric CSV with a header (every column a feature).
    static func points(_ name: String) throws -> Matrix {
        let text = try String(contentsOf: root.appendingPathComponent("Fixtures/reference/\(name)"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        return Matrix(rows)
    }

    /// Mall income and spending (unscaled), as the reference files use them.
    static func mall() throws -> Matrix {
        let text = try String(contentsOf: root.appendingPathComponent("Fixtures/mall_customers.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",")
            return [Double(fields[3])!, Double(fields[4])!]
        }
        return Matrix(rows)
    }

    /// Uniform random points in `[0, 10)^d` from a seeded generator.
    static func randomPoints(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var generator = SplitMix64(seed: seed)
        return Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in 10 * generator.nextUnitDouble() })
    }

    /// Whether two labelings are the same partition with the same noise set (−1).
    static func samePartition(_ a: [Int], _ b: [Int]) -> Bool {
        guard a.count == b.count else { return false }
        var forward: [Int: Int] = [:], backward: [Int: Int] = [:]
        for (x, y) in zip(a, b) {
            if (x < 0) != (y < 0) { return false }
            if x < 0 { continue }
            if forward[x, default: y] != y || backward[y, default: x] != x { return false }
            forward[x] = y
            backward[y] = x
        }
        return true
    }

    /// The adjusted Rand index (Hubert and Arabie 1985), computed plainly.
    static func adjustedRandIndex(_ a: [Int], _ b: [Int]) -> Double {
        var table: [[Int]: Int] = [:], rows: [Int: Int] = [:], columns: [Int: Int] = [:]
        for (x, y) in zip(a, b) {
            table[[x, y], default: 0] += 1
            rows[x, default: 0] += 1
            columns[y, default: 0] += 1
        }
        func pairs(_ count: Int) -> Double { Double(count * (count - 1)) / 2 }
        let index = table.values.reduce(0) { $0 + pairs($1) }
        let rowSum = rows.values.reduce(0) { $0 + pairs($1) }, columnSum = columns.values.reduce(0) { $0 + pairs($1) }
        let expected = rowSum * columnSum / pairs(a.count)
        let maximum = (rowSum + columnSum) / 2
        return maximum == expected ? 1 : (index - expected) / (maximum - expected)
    }

    /// The mean silhouette coefficient (Rousseeuw 1987), computed plainly in O(n²).
    static func silhouette(_ points: Matrix, _ labels: [Int]) -> Double {
        let n = points.rows, k = (labels.max() ?? 0) + 1
        var total = 0.0
        for i in 0..<n {
            var sums = [Double](repeating: 0, count: k), counts = [Int](repeating: 0, count: k)
            for j in 0..<n where j != i {
                var squared = 0.0
                for c in 0..<points.columns { squared += (points[i, c] - points[j, c]) * (points[i, c] - points[j, c]) }
                sums[labels[j]] += squared.squareRoot()
                counts[labels[j]] += 1
            }
            guard counts[labels[i]] > 0 else { continue }
            let own = sums[labels[i]] / Double(counts[labels[i]])
            let other = (0..<k).filter { $0 != labels[i] && counts[$0] > 0 }.map { sums[$0] / Double(counts[$0]) }.min()!
            total += (other - own) / max(own, other)
        }
        return total / Double(n)
    }
}
