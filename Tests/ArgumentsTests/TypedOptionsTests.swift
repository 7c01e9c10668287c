import Testing
@testable import segment_cli
@testable import SegmentCore

/// Typed options: each command's declarations fill its options struct,
/// defaults come from the struct's initial values, and help shows them.
@Suite struct TypedOptionsTests {
    /// Parses `arguments` for `Command` into its typed options.
    static func options<Command: SegmentCommand>(_ command: Command.Type, _ arguments: [String]) throws -> Command.Options {
        try Command.Options(ArgumentParser.parse(arguments, for: Command.spec))
    }

    @Test func absentOptionsKeepTheStructsInitialValues() throws {
        let options = try Self.options(ClusterCommand.self, ["data.csv"])
        #expect(options.positionals == ["data.csv"])
        #expect(options.algorithm.algorithm == .kmeans)
        #expect(options.algorithm.k == nil)
        #expect(options.algorithm.kmeans.kRange == KRange(2...10))
        // The library's own defaults, not restated by the CLI.
        #expect(options.algorithm.kmeans.restarts == KMeans.Configuration(clusterCount: 1).restarts)
        #expect(options.algorithm.birch.threshold == BIRCH.Configuration().threshold)
        #expect(options.algorithm.dbscan.eps == .automatic)
        #expect(options.features.scale == .standard)
        #expect(options.output.format == .csv)
        #expect(options.runtime.seed == 0 && options.runtime.threads == nil && !options.runtime.quiet)
    }

    @Test func givenOptionsFillTheirGroups() throws {
        let options = try Self.options(ClusterCommand.self, [
            "--algorithm", "dbscan", "--eps", "0.25", "--min-samples", "4", "--metric", "manhattan",
            "--features", "a, b", "--scale", "none", "--seed", "7", "--threads", "2", "-q", "-o", "out.csv",
        ])
        #expect(options.algorithm.algorithm == .dbscan)
        #expect(options.algorithm.dbscan.eps == .value(0.25))
        #expect(options.algorithm.dbscan.minSamples == 4)
        #expect(options.algorithm.metric == .manhattan)
        #expect(options.features.features?.names == ["a", "b"])
        #expect(options.features.scale == ScaleMethod.none)
        #expect(options.runtime.seed == 7 && options.runtime.threads == 2 && options.quiet)
        #expect(options.output.output == "out.csv")
    }

    @Test func customValueTypesReadTheirText() throws {
        let kmeans = try Self.options(ClusterCommand.self, ["--k", "5", "--init", "start.csv", "--k-range", "3-6", "--tol", "0.01"])
        #expect(kmeans.algorithm.k == .count(5))
        #expect(kmeans.algorithm.kmeans.start == .file("start.csv"))
        #expect(kmeans.algorithm.kmeans.kRange == KRange(3...6))
        #expect(kmeans.algorithm.kmeans.tolerance == 0.01)
        let ward = try Self.options(ClusterCommand.self, ["--algorithm", "agglomerative", "--max-memory", "2K", "--linkage", "average"])
        #expect(ward.algorithm.maxMemory?.bytes == 2048)
        #expect(ward.algorithm.linkage == .average)
    }

    @Test(arguments: [
        (["--k", "0"], "--k expects a whole number of at least 1 or 'auto', got '0'"),
        (["--k-range", "9-3"], "--k-range needs 1 <= LOW <= HIGH, got '9-3'; did you mean '3-9'?"),
        (["--seed", "-1"], "--seed expects a whole number from 0 to 18446744073709551615, got '-1'"),
        (["--threads", "0"], "--threads must be between 1 and 4096, got 0"),
        (["--algorithm", "dbscan", "--eps", "0"], "--eps must be greater than 0, got 0"),
        (["--algorithm", "agglomerative", "--max-memory", "lots"], "--max-memory expects a size such as 512M or 4G, got 'lots'"),
    ])
    func badValuesAreUsageErrorsAtParseTime(arguments: [String], message: String) {
        #expect(usageMessage { _ = try Self.options(ClusterCommand.self, arguments) } == message)
    }

    @Test func testFractionMustBeBelowOne() {
        #expect(usageMessage { _ = try Self.options(RecommendCommand.self, ["--test-fraction", "1"]) }
                == "--test-fraction must be less than 1, got 1")
    }

    @Test func reportNotesTheClusteringOptionsGiven() throws {
        let options = try Self.options(ReportCommand.self, ["--scale", "none", "--k", "4", "--title", "T"])
        #expect(options.clusteringOptionsGiven == ["--scale", "--k"])
        #expect(options.title == "T")
    }

    /// Help shows each default as the struct's initial value: one source for both.
    @Test func helpDefaultsAreTheInitialValues() {
        func defaultText(_ command: any SegmentCommand.Type, _ name: String) -> String? {
            command.spec.option(named: name)?.defaultValue
        }
        #expect(defaultText(ClusterCommand.self, "n-init") == String(KMeans.Configuration(clusterCount: 1).restarts))
        #expect(defaultText(ClusterCommand.self, "branching-factor") == String(BIRCH.Configuration().branchingFactor))
        #expect(defaultText(ClusterCommand.self, "batch-size") == String(MiniBatchKMeans.Configuration(clusterCount: 1).batchSize))
        #expect(defaultText(ClusterCommand.self, "eps") == "auto")
        #expect(defaultText(ClusterCommand.self, "format") == "csv")
        #expect(defaultText(InspectCommand.self, "format") == nil)
        #expect(defaultText(RecommendCommand.self, "top") == String(RecommendationEngine.Configuration().top))
        #expect(defaultText(ReportCommand.self, "title") == "Customer segments")
        // A computed default reads as it is typed: the library's 1e-4 tolerance.
        #expect(ClusterCommand.spec.option(named: "tol")?.defaultDescription == "1e-4")
        #expect([0, 1, 0.5, 1e-4, 5e-6, 0.25].map(OptionNumbers.format) == ["0", "1", "0.5", "1e-4", "5e-6", "0.25"])
    }

    /// Every command's spec lists exactly the options its struct declares.
    @Test func everyCommandsSpecIsItsDeclarations() {
        func names<Command: SegmentCommand>(_ command: Command.Type) -> [String] { Command.Options.declarations.map(\.spec.name) }
        for command in Segment.commands {
            #expect(command.spec.options.map(\.name) == names(command), "\(command.spec.name)")
        }
    }
}
