import Foundation
import Testing

/// Nothing is lost when a run is cut short (issue 7): Ctrl-C (SIGINT) leaves
/// existing output files as they were with no temporary file behind, and a
/// reader that closes the pipe (`segment … | head`) ends the run quietly.
@Suite struct InterruptAndPipeTests {
    /// A fresh folder for one test.
    static func scratchFolder() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// `rows` rows of `id,x,y,z` from a seeded generator (a 64-bit LCG).
    static func numericTable(rows: Int) -> String {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 44) % 10_000
        }
        var text = "id,x,y,z\n"
        for row in 0..<rows { text += "\(row),\(next()),\(next()),\(next())\n" }
        return text
    }

    /// Starts `segment arguments…` in `directory` with output discarded.
    static func start(_ arguments: [String], in directory: URL, input: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = SegmentRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Sends SIGINT to `process` and waits for it to end; one that ignores
    /// the signal for 20 seconds is killed and recorded as an issue.
    static func interrupt(_ process: Process) {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            Issue.record("segment ignored SIGINT")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// The names in `directory` that look like `OutputSink` temporary files.
    static func temporaryFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    }

    /// Ctrl-C in the middle of a long `cluster`: the existing `-o` file is
    /// unchanged, no `--model` file appears, nothing temporary remains.
    @Test func interruptedClusterLeavesOutputsUntouched() throws {
        let directory = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.numericTable(rows: 50_000).utf8).write(to: directory.appendingPathComponent("big.csv"))
        try Data("keep me\n".utf8).write(to: directory.appendingPathComponent("out.csv"))
        // Far more than a second of work in any build: 100 restarts of k = 30.
        let process = try Self.start(["cluster", "big.csv", "--k", "30", "--n-init", "100", "--method", "lloyd",
                                      "-o", "out.csv", "--model", "model.json"], in: directory)
        Thread.sleep(forTimeInterval: 1)
        #expect(process.isRunning)
        Self.interrupt(process)
        #expect(process.terminationStatus == 128 + SIGINT)
        #expect(try String(contentsOf: directory.appendingPathComponent("out.csv"), encoding: .utf8) == "keep me\n")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.json").path))
        #expect(try Self.temporaryFiles(in: directory).isEmpty)
    }

    /// Ctrl-C while the new output file is open: `assign` streams, so with
    /// standard input held open it waits with its output open (an unnamed
    /// file in the folder, which `/proc/PID/fd` shows as `FOLDER/#INODE
    /// (deleted)`). The old `out.csv` must stay, and no file be left.
    @Test func interruptRemovesTheTemporaryFile() throws {
        let directory = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("a,b\n1,2\n3,4\n10,10\n11,11\n".utf8).write(to: directory.appendingPathComponent("small.csv"))
        let made = try SegmentRunner.run(["cluster", "small.csv", "--k", "2", "--model", "model.json", "-q", "-o", "labels.csv"], in: directory)
        #expect(made.status == 0)
        try Data("keep me\n".utf8).write(to: directory.appendingPathComponent("out.csv"))
        let input = Pipe()
        let process = try Self.start(["assign", "--model", "model.json", "-o", "out.csv", "-"], in: directory, input: input)
        input.fileHandleForWriting.write(Data("a,b\n1,2\n".utf8))
        let deadline = Date().addingTimeInterval(30)
        func outputIsOpen() -> Bool {
            let fds = "/proc/\(process.processIdentifier)/fd"
            return ((try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? []).contains { fd in
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: fds + "/" + fd)) ?? ""
                return target.hasPrefix(directory.resolvingSymlinksInPath().path + "/#") || target.contains(".out.csv.tmp-")
            }
        }
        while !outputIsOpen() && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(outputIsOpen())
        Self.interrupt(process)
        try input.fileHandleForWriting.close()
        #expect(process.terminationStatus == 128 + SIGINT)
        #expect(try String(contentsOf: directory.appendingPathComponent("out.csv"), encoding: .utf8) == "keep me\n")
        #expect(try Self.temporaryFiles(in: directory).isEmpty)
    }

    /// `segment cluster … | head -n 1` prints the header and nothing on stderr.
    @Test func clusterIntoClosedPipeExitsQuietly() throws {
        let result = try SegmentRunner.runPipeline(["cluster", "-", "--k", "2", "--n-init", "1"], into: "head -n 1",
                                                   input: Self.numericTable(rows: 50_000))
        #expect(result.stdout == "id,x,y,z,segment\n")
        #expect(result.stderr.isEmpty)
    }
}
