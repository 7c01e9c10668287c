import Testing
@testable import segment_cli

/// Every usage error, as a table of (arguments, exact message).
@Suite struct UsageErrorTests {
    static let clusterCases: [([String], String)] = [
        (["--featurs", "a"], "unknown option '--featurs'; did you mean '--features'?"),
        (["--featurs=a"], "unknown option '--featurs'; did you mean '--features'?"),
        (["--Features", "a"], "unknown option '--Features'; did you mean '--features'?"),
        (["--algoritm", "dbscan"], "unknown option '--algoritm'; did you mean '--algorithm'?"),
        (["--hlep"], "unknown option '--hlep'; did you mean '--help'?"),
        (["--bogus"], "unknown option '--bogus'"),
        (["-features", "a"], "unknown option '-features'; did you mean '--features'?"),
        (["-x"], "unknown option '-x'"),
        (["--k"], "option '--k' needs a value (N)"),
        (["--k", "--seed", "1"], "option '--k' needs a value (N)"),
        (["--k", "-q"], "option '--k' needs a value (N)"),
        (["--k", "--"], "option '--k' needs a value (N)"),
        (["-o"], "option '--output' needs a value (FILE)"),
        (["--features"], "option '--features' needs a value (A,B,C)"),
        (["--quiet=yes"], "option '--quiet' does not take a value"),
        (["--quiet="], "option '--quiet' does not take a value"),
        (["-qv"], "option '--quiet' does not take a value"),
        (["--algorithm", "kmean"],
         "invalid value 'kmean' for '--algorithm'; expected one of: kmeans, agglomerative, dbscan, birch, minibatch-kmeans; did you mean 'kmeans'?"),
        (["-a", "KMeans"],
         "invalid value 'KMeans' for '--algorithm'; expected one of: kmeans, agglomerative, dbscan, birch, minibatch-kmeans; did you mean 'kmeans'?"),
        (["--algorithm=spectral"],
         "invalid value 'spectral' for '--algorithm'; expected one of: kmeans, agglomerative, dbscan, birch, minibatch-kmeans"),
        (["--algorithm", "dbscan", "--algorithm", "optics"],
         "invalid value 'optics' for '--algorithm'; expected one of: kmeans, agglomerative, dbscan, birch, minibatch-kmeans"),
        (["a.csv", "x"], "unexpected argument 'x'; this command takes at most 1 file"),
        (["a.csv", "-", "--k", "3"], "unexpected argument '-'; this command takes at most 1 file"),
        (["--", "a.csv", "--quiet"], "unexpected argument '--quiet'; this command takes at most 1 file"),
        (["--bogus", "a.csv", "x"], "unknown option '--bogus'"),
    ]

    @Test(arguments: clusterCases)
    func clusterErrors(arguments: [String], message: String) {
        #expect(usageMessage { try parseCluster(arguments) } == message)
    }

    static let positionalCases: [(CommandSpec, [String], String)] = [
        (TestSpecs.recommend, ["p.csv"], "unexpected argument 'p.csv'; this command takes no files"),
        (TestSpecs.join, [], "missing argument: TABLE"),
        (TestSpecs.join, ["a", "b", "c", "d"], "unexpected argument 'd'; this command takes at most 3 tables"),
    ]

    @Test(arguments: positionalCases)
    func positionalErrors(spec: CommandSpec, arguments: [String], message: String) {
        #expect(usageMessage { try ArgumentParser.parse(arguments, for: spec) } == message)
    }

    @Test func missingFileUsesFILE() {
        var spec = TestSpecs.cluster
        spec.positionals = (1, 1)
        #expect(usageMessage { try ArgumentParser.parse(["-q"], for: spec) } == "missing argument: FILE")
    }

    @Test func descriptionIsTheMessage() {
        let error = UsageError(message: "option '--k' needs a value (N)")
        #expect(error.description == "option '--k' needs a value (N)")
        #expect("\(error)" == "option '--k' needs a value (N)")
    }

    @Test func usageErrorTextAddsUsageAndHelpPointer() {
        let error = UsageError(message: "option '--k' needs a value (N)")
        #expect(usageErrorText(error, spec: TestSpecs.cluster) == """
            segment: error: option '--k' needs a value (N)
            usage: segment cluster [options] [FILE]
            see 'segment cluster --help'
            """)
    }
}
