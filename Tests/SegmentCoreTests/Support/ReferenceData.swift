import Foundation
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Reads the bundled fixtures and the scikit-learn reference values in
/// Fixtures/reference (made by bench/reference/make_reference.py; each JSON
/// states its provenance).
enum ReferenceData {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The path of a file under Fixtures/.
    static func fixturePath(_ name: String) -> String {
        root.appendingPathComponent("Fixtures/\(name)").path
    }

    /// A reference JSON object from Fixtures/reference/.
    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath("reference/\(name)")))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// A loaded fixture table.
    static func table(_ name: String) throws -> Table {
        let source = InputSource(argument: fixturePath(name))
        return try TableLoader.load(source, dialect: try CSVDialect.forSource(source, delimiter: nil, hasHeader: true), threads: 1)
    }

    /// Numeric columns of a fixture table as a matrix (no scaling).
    static func matrix(_ name: String, columns: [String]) throws -> Matrix {
        let table = try table(name)
        let values = columns.map { table.columns[table.columnIndex(named: $0)!].values! }
        var matrix = Matrix(rows: table.rowCount, columns: columns.count)
        for row in 0..<table.rowCount {
            for column in 0..<columns.count { matrix[row, column] = values[column][row] }
        }
        return matrix
    }

    /// The mall customers' annual income and spending score, unscaled.
    static func mallIncomeSpending() throws -> Matrix {
        try matrix("mall_customers.csv", columns: ["Annual Income (k$)", "Spending Score (1-100)"])
    }

    /// Gaussian blobs for tests: `centers` centres in [-10, 10]^dims, unit-ish noise.
    static func blobs(rows: Int, dims: Int, centers: Int, spread: Double, seed: UInt64) -> Matrix {
        var rng = SplitMix64(seed: seed)
        let middles = (0..<(centers * dims)).map { _ in rng.nextUnitDouble() * 20 - 10 }
        var matrix = Matrix(rows: rows, columns: dims)
        for row in 0..<rows {
            let center = Int(rng.next() % UInt64(centers))
            for dim in 0..<dims {
                // Sum of uniforms: a cheap bell-shaped noise.
                let noise = (rng.nextUnitDouble() + rng.nextUnitDouble() + rng.nextUnitDouble() - 1.5) * 2 * spread
                matrix[row, dim] = middles[center * dims + dim] + noise
            }
        }
        return matrix
    }
}

/// Whether two partitions are equal up to renaming of the labels.
func samePartition(_ a: [Int], _ b: [Int]) -> Bool {
    guard a.count == b.count else { return false }
    var forward: [Int: Int] = [:], backward: [Int: Int] = [:]
    for (x, y) in zip(a, b) {
        if forward[x, default: y] != y || backward[y, default: x] != x { return false }
        forward[x] = y
        backward[y] = x
    }
    return true
}
