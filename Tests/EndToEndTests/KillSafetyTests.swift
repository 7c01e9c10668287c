import Foundation
import Testing

/// Output files survive anything (issue 23): a run SIGKILLed at any moment,
/// or stopped by a failing write, leaves either the previous `-o` file or a
/// complete new one, and no temporary file in the folder; concurrent runs writing one `-o` file leave
/// exactly one writer's complete output, never a mix.
@Suite(.serialized) struct KillSafetyTests {
    /// One command whose `-o` output is killed at random points.
    struct Job: Sendable {
        /// A name for messages.
        var name: String
        /// The arguments before `-o FILE`.
        var arguments: [String]
    }

    /// A folder with the inputs every job reads: a 5,000-row customer
    /// table, a model over it, and the purchase fixtures.
    static func workspace() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(InterruptAndPipeTests.numericTable(rows: 5_000).utf8).write(to: directory.appendingPathComponent("table.csv"))
        let made = try SegmentRunner.run(["cluster", "table.csv", "--k", "4", "--model", "model.json", "-q", "-o", "labels.csv"], in: directory)
        try #require(made.status == 0, "cannot make the model: \(made.stderr)")
        return directory
    }

    /// The jobs of the kill test, each writing `out.csv`.
    static let jobs = [
        Job(name: "cluster", arguments: ["cluster", "table.csv", "--k", "4", "--n-init", "2", "-q"]),
        Job(name: "assign", arguments: ["assign", "--model", "model.json", "table.csv", "-q"]),
        Job(name: "recommend", arguments: ["recommend", "--purchases", SegmentRunner.fixture("purchases.csv"),
                                           "--catalog", SegmentRunner.fixture("products.csv"), "--method", "hybrid",
                                           "--segments", "labels.csv", "--id", "id"]),
    ]

    /// Runs `arguments` in `directory` to completion and returns its status.
    static func complete(_ arguments: [String], in directory: URL) throws -> Int32 {
        let process = try InterruptAndPipeTests.start(arguments, in: directory)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The files of `directory` other than the inputs.
    static func outputs(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { !["table.csv", "model.json", "labels.csv"].contains($0) }.sorted()
    }

    /// 200 runs over the three jobs, each SIGKILLed after a seeded random
    /// delay spread over its whole running time: after every kill `out.csv`
    /// is byte for byte the previous output or the complete new one, and
    /// nothing else is left in the folder.
    @Test func killedRunsLeaveThePreviousOrTheNewFileAndNothingElse() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out.csv")
        let previous = Data("the previous output\n".utf8)
        var random = SplitMix(seed: 23)
        var outcomes: [String: (previous: Int, new: Int)] = [:]
        for job in Self.jobs {
            try #require(Self.complete(job.arguments + ["-o", "expected.csv"], in: directory) == 0, "\(job.name) fails")
            let expected = try Data(contentsOf: directory.appendingPathComponent("expected.csv"))
            try FileManager.default.removeItem(at: directory.appendingPathComponent("expected.csv"))
            // How long a whole run takes, so that kills land before, during and after the writing.
            let started = Date()
            try #require(Self.complete(job.arguments + ["-o", "timing.csv"], in: directory) == 0)
            let duration = Date().timeIntervalSince(started)
            try FileManager.default.removeItem(at: directory.appendingPathComponent("timing.csv"))
            let runs = job.name == "cluster" ? 68 : 66
            for run in 0..<runs {
                try previous.write(to: out)
                let process = try InterruptAndPipeTests.start(job.arguments + ["-o", "out.csv"], in: directory)
                let delay = random.unit() * duration * 1.5
                usleep(useconds_t(delay * 1_000_000))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let left = try Data(contentsOf: out)
                #expect(left == previous || left == expected, "\(job.name) run \(run) killed after \(delay) s left \(left.count) bytes")
                #expect(try Self.outputs(in: directory) == ["out.csv"], "\(job.name) run \(run) killed after \(delay) s")
                outcomes[job.name, default: (0, 0)].previous += left == previous ? 1 : 0
                outcomes[job.name, default: (0, 0)].new += left == expected ? 1 : 0
            }
        }
        // The kills must have landed on both sides of the rename, or the test proved little.
        for job in Self.jobs {
            let outcome = try #require(outcomes[job.name])
            #expect(outcome.previous > 0, "\(job.name): no kill landed before the rename")
            #expect(outcome.new > 0, "\(job.name): no kill landed after the rename")
        }
    }

    /// A write that fails half-way (the file-size limit: SIGXFSZ ends the
    /// process in the middle of writing) leaves the previous file and
    /// nothing else, like a kill.
    @Test func aRunStoppedByTheFileSizeLimitLeavesThePreviousFile() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let previous = Data("the previous output\n".utf8)
        try previous.write(to: directory.appendingPathComponent("out.csv"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 20; exec \"$0\" cluster table.csv --k 4 -q -o out.csv", SegmentRunner.executable.path]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // Killed by SIGXFSZ, or (where the signal is ignored, as a test
        // runner may have it) a failed write reported with exit status 1.
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGXFSZ
        #expect(killed || (process.terminationReason == .exit && process.terminationStatus == 1))
        #expect(try Data(contentsOf: directory.appendingPathComponent("out.csv")) == previous)
        #expect(try Self.outputs(in: directory) == ["out.csv"])
    }

    /// 20 runs with different seeds and k started together, all writing
    /// `out.csv`: the file is exactly one of their complete outputs, and no
    /// temporary file is left.
    @Test func concurrentWritersLeaveOneCompleteOutput() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        func arguments(_ writer: Int) -> [String] {
            ["cluster", "table.csv", "--k", "\(2 + writer % 5)", "--seed", "\(writer)", "--n-init", "1", "-q"]
        }
        var expected: [Data] = []
        for writer in 0..<20 {
            try #require(Self.complete(arguments(writer) + ["-o", "expected.csv"], in: directory) == 0)
            expected.append(try Data(contentsOf: directory.appendingPathComponent("expected.csv")))
        }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("expected.csv"))
        #expect(Set(expected).count > 1, "the writers must differ for a mix to show")
        let processes = try (0..<20).map { try InterruptAndPipeTests.start(arguments($0) + ["-o", "out.csv"], in: directory) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let left = try Data(contentsOf: directory.appendingPathComponent("out.csv"))
        #expect(expected.contains(left), "out.csv (\(left.count) bytes) is none of the writers' outputs")
        #expect(try Self.outputs(in: directory) == ["out.csv"])
    }

    /// SplitMix64: seeded delays, the same on every run of the test.
    struct SplitMix {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        /// A uniform number in [0, 1).
        mutating func unit() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }
}
