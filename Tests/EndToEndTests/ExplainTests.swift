import Foundation
import Testing

/// `segment explain` on the mall customers' k-means segments (income and
/// spending, k = 5): rules of depth ≤ 3 that give at least 90 % of the
/// customers their segment (issue 20), and a SQL expression that gives, run
/// in sqlite3 over the same CSV, exactly the rules' labels.
@Suite struct ExplainTests {
    static let features = "Annual Income (k$),Spending Score (1-100)"

    /// A folder holding `labels.csv`, the mall customers with their segment.
    static func labelled() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let run = try SegmentRunner.run(["cluster", SegmentRunner.fixture("mall_customers.csv"), "--features", features, "--k", "5", "-q", "-o", "labels.csv"],
                                        in: directory)
        try #require(run.status == 0, "\(run.stderr)")
        return directory
    }

    @Test func mallRulesReproduceTheSegmentsAndTheSQLAgrees() throws {
        let directory = try Self.labelled()
        let run = try SegmentRunner.run(["explain", "labels.csv", "--features", Self.features, "--format", "csv", "--rules-out", "rules.sql"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n")
        #expect(rows.first == "segment,rule,support,precision,recall,importance")
        #expect(rows.count == 6)
        // Each rule has at most three conditions.
        let conditions = rows.dropFirst().map { row in row.components(separatedBy: " and ").count }
        #expect(conditions.allSatisfy { count in count <= 3 })
        let agreement = try #require(run.stderr.firstMatch(of: /they give ([0-9.]+)% of the rows their segment/).flatMap { Double($0.1) })
        #expect(agreement >= 90)
        // The SQL, over the CSV in sqlite3 (typed columns, so numbers compare as numbers).
        let script = """
            CREATE TABLE customers ("CustomerID" INTEGER, "Gender" TEXT, "Age" REAL, "Annual Income (k$)" REAL, "Spending Score (1-100)" REAL, "segment" INTEGER);
            .import --csv --skip 1 labels.csv customers
            SELECT segment, \(try String(contentsOf: directory.appendingPathComponent("rules.sql"), encoding: .utf8)) FROM customers;
            """
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", ":memory:"]
        sqlite.currentDirectoryURL = directory
        let input = Pipe(), output = Pipe()
        sqlite.standardInput = input
        sqlite.standardOutput = output
        try sqlite.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let pairs = answer.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        #expect(pairs.count == 200)
        let labelled = pairs.allSatisfy { pair in pair.count == 2 && !pair[1].isEmpty }
        #expect(labelled, "every customer gets a label")
        let matches = pairs.filter { pair in pair[0] == pair[1] }.count
        let sqlAgreement = Double(matches) / 2
        #expect(sqlAgreement == agreement, "the SQL labels \(matches) of 200 as their segment; the rules \(agreement)%")
    }

    @Test(arguments: [
        (["--label-column", "nope"], 2, "segment: error: --label-column: no column named 'nope' (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100), segment)\n"),
        (["--max-depth", "0"], 2, "segment: error: --max-depth must be between 1 and 20, got 0\nusage: segment explain [options] [FILE]\nsee 'segment explain --help'\n"),
        (["--label-column", "Gender"], 2, "segment: error: --features: 'Gender' is the label column; leave it out\n"),
    ])
    func badInputIsAClearError(arguments: [String], status: Int32, stderr: String) throws {
        let directory = try Self.labelled()
        let run = try SegmentRunner.run(["explain", "labels.csv", "--features", "Age,Gender"] + arguments, in: directory)
        #expect(run.status == status)
        #expect(run.stderr == stderr)
        #expect(run.stdout == "")
    }

    @Test func oneSegmentHasNothingToExplain() throws {
        let run = try SegmentRunner.run(["explain", "-"], input: "x,segment\n1,0\n2,0\n3,0\n")
        #expect(run.status == 1)
        #expect(run.stderr == "segment: error: <stdin>: column 'segment' has one segment among the rows with every feature; explaining segments needs at least two\n")
    }
}
