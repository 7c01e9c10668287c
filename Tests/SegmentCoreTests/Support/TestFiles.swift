import Foundation
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Paths to bundled fixtures and scratch files for tests.
enum TestFiles {
    /// The package root, found from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of `Fixtures/<name>`.
    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Fixtures/\(name)").path
    }

    /// Parsed JSON of `Fixtures/reference/<name>` (values made with
    /// scikit-learn/SciPy by `bench/reference/make_reference.py`).
    static func reference(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("reference/\(name)")))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Writes `contents` to a new temporary file and returns its path.
    static func temporary(_ contents: String, name: String = "input.csv") throws -> String {
        try temporary(bytes: Array(contents.utf8), name: name)
    }

    /// Writes raw bytes to a new temporary file and returns its path.
    static func temporary(bytes: [UInt8], name: String = "input.csv") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Loads a table from CSV text.
    static func table(_ csv: String, name: String = "input.csv", dialect: CSVDialect = .csv) throws -> Table {
        try TableLoader.load(.file(try temporary(csv, name: name)), dialect: dialect, threads: 2)
    }

    /// The mall customers fixture.
    static func mall() throws -> Table {
        try TableLoader.load(.file(fixture("mall_customers.csv")), dialect: .csv, threads: 2)
    }
}
