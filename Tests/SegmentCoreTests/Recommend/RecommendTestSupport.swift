import Foundation
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Helpers shared by the recommendation tests.
enum RecommendTestSupport {
    /// The package's Fixtures folder.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Loads a fixture table.
    static func fixture(_ name: String) throws -> Table {
        try TableLoader.load(.file(fixtures.appendingPathComponent(name).path), dialect: .csv, threads: 1)
    }

    /// Loads `csv` text through a temporary file.
    static func table(_ csv: String) throws -> Table {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("segment-test-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try TableLoader.load(.file(url.path), dialect: .csv, threads: 1)
    }

    /// A purchase log from `csv` with detected columns.
    static func log(_ csv: String, extraCustomers: [String] = [], extraItems: [String] = []) throws -> PurchaseLog {
        let table = try table(csv)
        return try PurchaseLog(table: table, columns: try PurchaseColumns.resolve(.init(), in: table),
                               extraCustomers: extraCustomers, extraItems: extraItems)
    }

    /// A seeded random interaction matrix with roughly `density` filled.
    static func randomInteractions(customers: Int, items: Int, density: Double, seed: UInt64) -> SparseMatrix {
        var generator = SplitMix64(seed: seed)
        var rows: [Int32] = [], columns: [Int32] = [], values: [Double] = []
        for customer in 0..<customers {
            for item in 0..<items where generator.nextUnitDouble() < density {
                rows.append(Int32(customer))
                columns.append(Int32(item))
                values.append(Double(1 + Int(generator.nextUnitDouble() * 3)))
            }
        }
        return SparseMatrix(rowCount: customers, columnCount: items, rows: rows, columns: columns, values: values)
    }

    /// The dense form of `matrix`.
    static func dense(_ matrix: SparseMatrix) -> [[Double]] {
        (0..<matrix.rowCount).map { row in (0..<matrix.columnCount).map { matrix.value(row: row, column: $0) } }
    }
}
