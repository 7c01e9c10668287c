import Testing
@testable import segment_cli

/// Successful parses: every accepted syntax and how values are stored.
@Suite struct ArgumentParserTests {
    @Test func longOptionWithSeparateValue() throws {
        let parsed = try parseCluster(["--k", "5", "data.csv"])
        #expect(parsed.string("k") == "5")
        #expect(parsed.positionals == ["data.csv"])
    }

    @Test func longOptionWithEqualsValue() throws {
        let parsed = try parseCluster(["--k=5", "--features=Annual Income (k$),Age", "--output="])
        #expect(parsed.string("k") == "5")
        #expect(parsed.list("features") == ["Annual Income (k$)", "Age"])
        #expect(parsed.string("output") == "")
    }

    @Test func equalsSplitsAtTheFirstEqualsSign() throws {
        #expect(try parseCluster(["--features=a=b,c"]).list("features") == ["a=b", "c"])
    }

    @Test func shortOptionWithSeparateAttachedOrEqualsValue() throws {
        #expect(try parseCluster(["-o", "out.csv"]).string("output") == "out.csv")
        #expect(try parseCluster(["-oout.csv"]).string("output") == "out.csv")
        #expect(try parseCluster(["-o=out.csv"]).string("output") == "out.csv")
        #expect(try parseCluster(["-a", "dbscan"]).choice("algorithm") == "dbscan")
    }

    @Test func flags() throws {
        let parsed = try parseCluster(["-q", "--no-header"])
        #expect(parsed.flag("quiet"))
        #expect(parsed.flag("no-header"))
        #expect(parsed.has("quiet"))
        let none = try parseCluster([])
        #expect(!none.flag("quiet"))
        #expect(!none.has("quiet"))
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try ArgumentParser.parse(["-q", "--", "--k", "-o"], for: TestSpecs.cat)
        #expect(parsed.positionals == ["--k", "-o"])
        let cluster = try parseCluster(["--", "--quiet"])
        #expect(cluster.positionals == ["--quiet"])
        #expect(!cluster.flag("quiet"))
    }

    @Test func loneDashIsAPositionalAndAValue() throws {
        #expect(try parseCluster(["-"]).positionals == ["-"])
        #expect(try parseCluster(["--output", "-", "-q"]).string("output") == "-")
        #expect(try parseCluster(["-o", "-", "-"]).positionals == ["-"])
    }

    @Test(arguments: [["--seed", "-1"], ["--seed=-1"], ["--seed", "-1", "x.csv"]])
    func negativeNumbersAreValues(arguments: [String]) throws {
        #expect(try parseCluster(arguments).int("seed") == -1)
    }

    @Test func negativeDecimalsAndExponentsAreValues() throws {
        #expect(try parseCluster(["--tol", "-0.5"]).string("tol") == "-0.5")
        #expect(try parseCluster(["--tol", "-1e-3"]).string("tol") == "-1e-3")
        #expect(try parseCluster(["--tol", "-.5"]).string("tol") == "-.5")
    }

    @Test func aNegativeNumberAloneIsAPositional() throws {
        #expect(try parseCluster(["-1"]).positionals == ["-1"])
    }

    @Test func optionsAndPositionalsMayInterleave() throws {
        let parsed = try ArgumentParser.parse(["a.csv", "-q", "b.csv", "--", "c.csv"], for: TestSpecs.cat)
        #expect(parsed.positionals == ["a.csv", "b.csv", "c.csv"])
    }

    @Test func repeatedOptionsKeepEveryValueInOrder() throws {
        let parsed = try parseCluster(["--exclude", "id", "--exclude=age", "--exclude", "gender"])
        #expect(parsed.strings("exclude") == ["id", "age", "gender"])
        #expect(parsed.string("exclude") == "gender")
    }

    @Test func nonRepeatableOptionGivenTwoValuesIsAUsageError() throws {
        #expect(throws: UsageError(message: "option '--k' given twice ('3', then '7'); give it once")) {
            try parseCluster(["--k", "3", "--k", "7"])
        }
        #expect(throws: UsageError(message: "option '--algorithm' given twice ('birch', then 'dbscan'); give it once")) {
            try parseCluster(["-a", "birch", "--algorithm", "dbscan"])
        }
        // The same value again, or a flag again, changes nothing.
        #expect(try parseCluster(["--k", "3", "--k=3"]).int("k") == 3)
        #expect(try parseCluster(["-q", "-q"]).flag("quiet"))
    }

    /// `segment cluster`'s algorithm options: given with an algorithm they do
    /// not apply to (the default kmeans included), a usage error.
    @Test func algorithmOptionsApplyOnlyToTheirAlgorithms() throws {
        #expect(throws: UsageError(message: "option '--k' does not apply to --algorithm dbscan (only to kmeans, agglomerative, birch, minibatch-kmeans, kprototypes, kmedoids); drop it")) {
            try ArgumentParser.parse(["--algorithm", "dbscan", "--k", "5"], for: ClusterCommand.spec)
        }
        #expect(throws: UsageError(message: "option '--eps' does not apply to --algorithm kmeans (only to dbscan); drop it")) {
            try ArgumentParser.parse(["--eps", "0.3"], for: ClusterCommand.spec)
        }
        let birch = try ArgumentParser.parse(["--algorithm", "birch", "--k", "5", "--threshold", "0.4"], for: ClusterCommand.spec)
        #expect(try birch.double("threshold") == 0.4)
    }

    @Test func defaultsApplyWhenAbsentButDoNotCountAsGiven() throws {
        let parsed = try parseCluster([])
        #expect(parsed.string("k") == "auto")
        #expect(parsed.choice("algorithm") == "kmeans")
        #expect(try parsed.int("seed") == 0)
        #expect(try parsed.double("tol") == 1e-4)
        #expect(!parsed.has("k"))
        #expect(parsed.string("output") == nil)
        #expect(parsed.strings("exclude") == [])
        #expect(parsed.list("features") == nil)
        #expect(parsed.positionals == [])
    }

    @Test func explicitValueIsGivenEvenWhenEqualToTheDefault() throws {
        #expect(try parseCluster(["--k", "auto"]).has("k"))
    }

    @Test(arguments: [["--help"], ["-h"], ["data.csv", "--help"], ["--bogus", "-h"], ["--k", "-h"],
                      ["--algorithm", "kmean", "--help"], ["a", "b", "c", "--help"]])
    func helpAnywhereBeforeDoubleDashWins(arguments: [String]) {
        #expect(throws: HelpRequested.self) { try parseCluster(arguments) }
    }

    @Test func helpAfterDoubleDashIsAPositional() throws {
        #expect(try parseCluster(["--", "--help"]).positionals == ["--help"])
        #expect(try parseCluster(["--features=--help"]).string("features") == "--help")
    }

    @Test func positionalCountsWithinLimitsParse() throws {
        #expect(try ArgumentParser.parse(["a", "b", "c"], for: TestSpecs.join).positionals == ["a", "b", "c"])
        #expect(try ArgumentParser.parse(Array(repeating: "f", count: 100), for: TestSpecs.cat).positionals.count == 100)
        #expect(try ArgumentParser.parse([], for: TestSpecs.recommend).positionals == [])
    }

    @Test func positionalNameComesFromTheUsageLine() {
        #expect(TestSpecs.cluster.positionalName == "FILE")
        #expect(TestSpecs.join.positionalName == "TABLE")
        #expect(TestSpecs.recommend.positionalName == "FILE")
        var spec = TestSpecs.cluster
        spec.usage = "segment scale [FILE] --features … --scale METHOD"
        #expect(spec.positionalName == "FILE")
        spec.usage = "segment score --label-column COL INPUT"
        #expect(spec.positionalName == "INPUT")
    }
}
