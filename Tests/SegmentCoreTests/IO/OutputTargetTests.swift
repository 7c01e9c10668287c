import Foundation
import Testing
@testable import SegmentBase
@testable import SegmentIO

/// Where outputs land (issue 23): regular files replaced atomically with
/// their permissions kept, links followed, devices and FIFOs written
/// through; output paths that would destroy an input or another output;
/// sinks that never flush half a record; and streamed files that change
/// between passes.
@Suite struct OutputTargetTests {
    /// A fresh folder.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segment-target-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func regularFilesAreReplacedAndEverythingElseWrittenThrough() throws {
        let folder = try Self.folder()
        let file = folder + "/out.csv"
        #expect(try OutputTarget.resolve(file) == .replace(path: file))
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: "out.csv")
        let resolved = try #require(realpath(file, nil).map { pointer -> String in defer { free(pointer) }; return String(cString: pointer) })
        #expect(try OutputTarget.resolve(folder + "/link.csv") == .replace(path: resolved))
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.csv", withDestinationPath: "new.csv")
        #expect(try OutputTarget.resolve(folder + "/dangling.csv") == .replace(path: folder + "/new.csv"))
        #expect(try OutputTarget.resolve("/dev/null") == .stream(path: "/dev/null"))
        #expect(mkfifo(folder + "/fifo", 0o644) == 0)
        #expect(try OutputTarget.resolve(folder + "/fifo") == .stream(path: folder + "/fifo"))
        #expect(throws: SegmentError.writeFailed(path: folder, reason: "it is a directory; give a file name")) {
            try OutputTarget.resolve(folder)
        }
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop.csv", withDestinationPath: "loop.csv")
        #expect(throws: SegmentError.writeFailed(path: folder + "/loop.csv", reason: "too many levels of symbolic links; point it at a file")) {
            try OutputTarget.resolve(folder + "/loop.csv")
        }
    }

    /// The replacement keeps the replaced file's permission bits, and
    /// neither a commit nor an abandon leaves a temporary file.
    @Test func replacementKeepsPermissionsAndLeavesNothingBehind() throws {
        let folder = try Self.folder()
        let file = folder + "/out.csv"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(chmod(file, 0o600) == 0)
        let sink = try OutputSink(.file(file))
        try sink.write("new\n")
        try sink.commit()
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new\n")
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let abandoned = try OutputSink(.file(file))
        try abandoned.write("never\n")
        try abandoned.flush()
        abandoned.abandon()
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }

    /// A temporary sibling left by a process that no longer runs is removed
    /// when the output is next written; one of a live process is kept.
    @Test func abandonedTemporaryFilesOfEndedProcessesAreRemoved() throws {
        let folder = try Self.folder()
        // PID 2^22 + 1 is above Linux's pid_max limit, so no process has it.
        try Data("partial".utf8).write(to: URL(fileURLWithPath: folder + "/.out.csv.tmp-4194305-1"))
        try Data("init's".utf8).write(to: URL(fileURLWithPath: folder + "/.out.csv.tmp-1"))
        try writeFileAtomically("done\n", to: folder + "/out.csv")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".out.csv.tmp-1", "out.csv"])
    }

    /// Two sinks for one path in one process get their own temporary files.
    @Test func twoSinksForOnePathDoNotShareATemporaryFile() throws {
        let folder = try Self.folder()
        let first = try OutputSink(.file(folder + "/x.json")), second = try OutputSink(.file(folder + "/x.json"))
        try first.write("first\n")
        try second.write("second\n")
        try first.commit()
        try second.commit()
        #expect(try String(contentsOfFile: folder + "/x.json", encoding: .utf8) == "second\n")
    }

    /// Once records are marked, an automatic flush writes whole records only.
    @Test func automaticFlushesEndAtARecord() throws {
        let folder = try Self.folder()
        #expect(mkfifo(folder + "/fifo", 0o644) == 0)
        nonisolated(unsafe) var received = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            received = FileHandle(forReadingAtPath: folder + "/fifo")?.readDataToEndOfFile() ?? Data()
        }
        let sink = try OutputSink(.file(folder + "/fifo"))
        let record = String(repeating: "x", count: 999) + "\n"
        for _ in 0..<100 {
            try sink.write(record)
            sink.endRecord()
        }
        try sink.write("half a record")
        sink.abandon()
        reading.wait()
        #expect(received.count % 1000 == 0 && received.count >= 65_000)
        #expect(received.last == UInt8(ascii: "\n"))
    }

    @Test func outputsThatWouldDestroyAnInputOrAnotherOutputClash() throws {
        let folder = try Self.folder()
        let input = folder + "/in.csv"
        try Data("a\n1\n".utf8).write(to: URL(fileURLWithPath: input))
        try FileManager.default.linkItem(atPath: input, toPath: folder + "/hard.csv")
        let read = FileUse("the input", path: input, .read)
        func write(_ role: String, _ path: String) -> FileUse { FileUse(role, path: path, .write) }
        #expect(FileConflict.first(among: [read, write("-o", folder + "/hard.csv")]) == FileConflict(first: read, second: write("-o", folder + "/hard.csv")))
        #expect(FileConflict.first(among: [read, write("-o", folder + "/./in.csv")]) != nil)
        // Outputs that do not exist yet clash by their resolved path.
        #expect(FileConflict.first(among: [write("--model", folder + "/m.json"), write("-o", folder + "/../" + (folder as NSString).lastPathComponent + "/m.json")]) != nil)
        // Two reads of a file, devices, and separate files never clash.
        #expect(FileConflict.first(among: [read, FileUse("--catalog", path: input, .read), write("-o", "/dev/null"), write("--model", "/dev/null"),
                                           write("--centers", folder + "/c.csv")]) == nil)
        // Standard input once; standard output once.
        #expect(FileConflict.first(among: [FileUse("the input", path: "-", .read), FileUse("--purchases", path: "-", .read)]) != nil)
        #expect(FileConflict.first(among: [FileUse("the input", path: "-", .read), write("-o", "-")]) == nil)
        #expect(FileConflict.first(among: [write("-o", "-"), write("--model", "-")]) != nil)
    }

    /// A file rewritten between two passes of a streaming job is an error,
    /// not a mix of two files.
    @Test func aFileThatChangesBetweenPassesIsAnError() throws {
        let path = try TestFiles.temporary("a\n1\n2\n3\n", name: "passes.csv")
        let records = FileRecords(.file(path), dialect: .csv)
        var count = 0
        try records.forEachRecord { _ in count += 1; return true }
        #expect(count == 3)
        try records.forEachRecord { _ in true }
        try Data("a\n1\n2\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SegmentError.self) { try records.forEachRecord { _ in true } }
    }
}
