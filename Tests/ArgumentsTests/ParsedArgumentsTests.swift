import Testing
@testable import segment_cli

/// The typed accessors: lists, whole numbers and finite numbers with their range errors.
@Suite struct ParsedArgumentsTests {
    @Test(arguments: [
        ("a,b,c", ["a", "b", "c"]),
        ("Annual Income (k$), Spending Score (1-100)", ["Annual Income (k$)", "Spending Score (1-100)"]),
        ("a,,b,", ["a", "b"]),
        ("single", ["single"]),
        ("", []),
    ])
    func listSplitsAtCommas(value: String, expected: [String]) throws {
        #expect(try parseCluster(["--features", value]).list("features") == expected)
    }

    @Test func listFallsBackToTheDefault() throws {
        var spec = TestSpecs.cluster
        spec.options[1].defaultValue = "x,y"
        #expect(try ArgumentParser.parse([], for: spec).list("features") == ["x", "y"])
    }

    @Test func stringsFallsBackToTheDefault() throws {
        var spec = TestSpecs.cluster
        spec.options[7].defaultValue = "id"
        #expect(try ArgumentParser.parse([], for: spec).strings("exclude") == ["id"])
        #expect(try ArgumentParser.parse(["--exclude", "a"], for: spec).strings("exclude") == ["a"])
    }

    @Test(arguments: [("5", 5), ("-3", -3), ("+7", 7), ("0", 0)])
    func intParses(text: String, expected: Int) throws {
        #expect(try parseCluster(["--seed", text]).int("seed") == expected)
    }

    @Test func intIsNilWhenAbsentWithoutDefault() throws {
        var spec = TestSpecs.cluster
        spec.options[3].defaultValue = nil
        #expect(try ArgumentParser.parse([], for: spec).int("seed") == nil)
    }

    static let intErrorCases: [([String], ClosedRange<Int>?, String)] = [
        (["--k", "abc"], nil, "--k expects a whole number, got 'abc'"),
        (["--k", "2.5"], nil, "--k expects a whole number, got '2.5'"),
        (["--k", "1e3"], nil, "--k expects a whole number, got '1e3'"),
        (["--k="], nil, "--k expects a whole number, got ''"),
        ([], nil, "--k expects a whole number, got 'auto'"),
        (["--k", "0"], 1...1000, "--k must be between 1 and 1000, got 0"),
        (["--k", "1001"], 1...1000, "--k must be between 1 and 1000, got 1001"),
        (["--k", "-1"], 1...Int.max, "--k must be at least 1, got -1"),
        (["--k", "9"], Int.min...8, "--k must be at most 8, got 9"),
    ]

    @Test(arguments: intErrorCases)
    func intErrors(arguments: [String], range: ClosedRange<Int>?, message: String) {
        #expect(usageMessage { try parseCluster(arguments).int("k", in: range) } == message)
    }

    @Test func intWithinRangeParses() throws {
        #expect(try parseCluster(["--k", "1"]).int("k", in: 1...1000) == 1)
        #expect(try parseCluster(["--k", "1000"]).int("k", in: 1...1000) == 1000)
    }

    @Test(arguments: [("0.5", 0.5), ("-1e-3", -1e-3), ("3", 3.0), (".25", 0.25)])
    func doubleParses(text: String, expected: Double) throws {
        #expect(try parseCluster(["--eps", text]).double("eps") == expected)
    }

    @Test func doubleIsNilWhenAbsentWithoutDefault() throws {
        #expect(try parseCluster([]).double("eps") == nil)
    }

    static let doubleErrorCases: [([String], ClosedRange<Double>?, Double?, String)] = [
        (["--eps", "abc"], nil, nil, "--eps expects a number, got 'abc'"),
        (["--eps", "1,5"], nil, nil, "--eps expects a number, got '1,5'"),
        (["--eps", "nan"], nil, nil, "--eps expects a finite number, got 'nan'"),
        (["--eps", "inf"], nil, nil, "--eps expects a finite number, got 'inf'"),
        (["--eps", "-infinity"], nil, nil, "--eps expects a finite number, got '-infinity'"),
        (["--eps", "1.5"], 0...1, nil, "--eps must be between 0 and 1, got 1.5"),
        (["--eps", "-0.1"], 0.25...0.75, nil, "--eps must be between 0.25 and 0.75, got -0.1"),
        (["--eps", "-1"], 0...Double.infinity, nil, "--eps must be at least 0, got -1"),
        (["--eps", "2"], -Double.infinity...1, nil, "--eps must be at most 1, got 2"),
        (["--eps", "0"], nil, 0, "--eps must be greater than 0, got 0"),
        (["--eps", "-2"], nil, 0, "--eps must be greater than 0, got -2"),
        (["--eps", "0"], 0...1, 0, "--eps must be greater than 0 and at most 1, got 0"),
        (["--eps", "2"], 0...1, 0, "--eps must be greater than 0 and at most 1, got 2"),
    ]

    @Test(arguments: doubleErrorCases)
    func doubleErrors(arguments: [String], range: ClosedRange<Double>?, exclusive: Double?, message: String) {
        #expect(usageMessage { try parseCluster(arguments).double("eps", in: range, exclusiveLowerBound: exclusive) }
                == message)
    }

    @Test func doubleWithinBoundsParses() throws {
        #expect(try parseCluster(["--eps", "1"]).double("eps", in: 0...1, exclusiveLowerBound: 0) == 1)
        #expect(try parseCluster(["--eps", "1e-9"]).double("eps", exclusiveLowerBound: 0) == 1e-9)
        #expect(try parseCluster(["--eps", "0"]).double("eps", in: 0...1) == 0)
    }
}
