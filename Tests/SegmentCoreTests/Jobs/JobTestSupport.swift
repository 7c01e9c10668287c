import Foundation
@testable import SegmentCore

/// Scratch files and output parsing shared by the job tests.
enum JobFiles {
    /// A path in a new temporary directory (the file does not exist yet).
    static func scratch(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    /// The lines of a text file, without the final line feed.
    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// The label a CSV output line ends with (`nil`: empty), and the line before it.
    static func splitLabel(_ line: String) -> (row: String, label: Int?) {
        let comma = line.lastIndex(of: ",")!
        return (String(line[..<comma]), Int(line[line.index(after: comma)...]))
    }
}
