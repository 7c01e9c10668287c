import Foundation
import Testing

/// End-to-end runs of the built `segment`: stdout, stderr and exit status.
@Suite struct InspectAndScaleTests {
    let mall = SegmentRunner.fixture("mall_customers.csv")

    @Test func inspectMallAsCSV() throws {
        let result = try SegmentRunner.run(["inspect", mall, "--format", "csv"])
        #expect(result.status == 0)
        // Means and sample standard deviations agree with pandas `describe()`.
        #expect(result.stdout == """
            column,type,count,missing,distinct,min,mean,std,max,top
            CustomerID,integer,200,0,200,1,100.5,57.879184513951124,200,
            Gender,categorical,200,0,2,,,,,Female (112); Male (88)
            Age,integer,200,0,51,18,38.85,13.96900733155888,70,
            Annual Income (k$),integer,200,0,64,15,60.56,26.264721165271244,137,
            Spending Score (1-100),integer,200,0,84,1,50.2,25.823521668370173,99,

            """)
        #expect(result.stderr.contains("200 rows × 5 columns; id column: CustomerID"))
    }

    @Test func inspectJSONIsValid() throws {
        let result = try SegmentRunner.run(["inspect", mall, "--format", "json", "-q"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 5)
        #expect(rows[2]["mean"] as? Double == 38.85)
    }

    @Test func inspectReadsStandardInput() throws {
        let result = try SegmentRunner.run(["inspect", "-", "--format", "csv", "-q"], input: "a;b\n1;x\n2;y\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("column,type"))
        let tsv = try SegmentRunner.run(["inspect", "--delimiter", "semicolon", "--format", "csv", "-q"], input: "a;b\n1;x\n2;x\n")
        #expect(tsv.stdout.contains("b,categorical,2,0,1"))
    }

    @Test func scaleReplacesFeaturesAndPassesOtherColumns() throws {
        let result = try SegmentRunner.run(["scale", mall, "--features", "Gender,age", "--scale", "minmax"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[0] == "CustomerID,Gender=Female,Gender=Male,Age,Annual Income (k$),Spending Score (1-100)")
        #expect(lines[1] == "1,0,1,0.019230769230769232,15,39")
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let output = directory.appendingPathComponent("scaled.csv").path
        try "keep me\n".write(toFile: output, atomically: true, encoding: .utf8)
        let failed = try SegmentRunner.run(["scale", mall, "--features", "Nope", "-o", output])
        #expect(failed.status == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me\n")
        let succeeded = try SegmentRunner.run(["scale", mall, "-o", output])
        #expect(succeeded.status == 0 && succeeded.stdout.isEmpty)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("CustomerID,Gender,Age"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["scaled.csv"])
    }

    /// Every user error: exact message and exit status.
    @Test(arguments: [
        (["inspect", "/nonexistent.csv"], 1, "segment: error: cannot open '/nonexistent.csv': no such file; check the name and the current directory\n"),
        (["inspect", "/tmp"], 1, "segment: error: cannot open '/tmp': it is a directory, not a file\n"),
        (["inspect", "--formt", "json", "x"], 2, "segment: error: unknown option '--formt'; did you mean '--format'?\nusage: segment inspect [options] [FILE]\nsee 'segment inspect --help'\n"),
        (["inspct"], 2, "segment: error: unknown command 'inspct'; did you mean 'inspect'?\nsee 'segment --help'\n"),
        (["scale", "MALL", "--features", "Incom"], 2, "segment: error: --features: no column named 'Incom'; did you mean 'Annual Income (k$)'? (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100))\n"),
        (["scale", "MALL", "--scale", "zscore"], 2, "segment: error: invalid value 'zscore' for '--scale'; expected one of: none, standard, minmax, robust\nusage: segment scale [options] [FILE]\nsee 'segment scale --help'\n"),
        (["inspect", "MALL", "--threads", "0"], 2, "segment: error: --threads must be between 1 and 4096, got 0\nusage: segment inspect [options] [FILE]\nsee 'segment inspect --help'\n"),
    ] as [([String], Int32, String)])
    func userErrors(arguments: [String], status: Int32, message: String) throws {
        let result = try SegmentRunner.run(arguments.map { $0 == "MALL" ? mall : $0 })
        #expect(result.status == status)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
    }

    @Test func dataErrorsNameFileLineAndColumn() throws {
        let ragged = try SegmentRunner.run(["inspect", "-"], input: "a,b\n1,2\n3\n")
        #expect(ragged.status == 1)
        #expect(ragged.stderr == "segment: error: <stdin>:3: expected 2 fields, found 1; quote fields that contain the delimiter, or check the delimiter (--delimiter)\n")
        let text = try SegmentRunner.run(["scale", "-"], input: "id,x,y\n1,1,2\n2,2,3\n3,abc,4\n4,5,6\n")
        #expect(text.status == 1)
        #expect(text.stderr == "segment: error: <stdin>:4 column 'x': expected a number, found 'abc'; correct it, or leave it empty (or NA) to mark it missing\n")
        let empty = try SegmentRunner.run(["inspect", "-"], input: "")
        #expect(empty.status == 1)
        #expect(empty.stderr == "segment: error: <stdin>: the input is empty; expected a header line and at least one data row\n")
        let headerOnly = try SegmentRunner.run(["scale", "-"], input: "a,b\n")
        #expect(headerOnly.status == 1)
        #expect(headerOnly.stderr == "segment: error: <stdin>: the file has a header but no data rows\n")
    }

    @Test func helpAndVersion() throws {
        let help = try SegmentRunner.run(["inspect", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--format FORMAT") && help.stdout.contains("EXAMPLES:"))
        #expect(try SegmentRunner.run(["help", "scale"]).stdout == (try SegmentRunner.run(["scale", "-h"])).stdout)
        let version = try SegmentRunner.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("segment "))
        let overview = try SegmentRunner.run(["--help"])
        #expect(overview.stdout.contains("inspect") && overview.stdout.contains("scale"))
    }

    @Test func closedPipeExitsQuietly() throws {
        var input = "id,x\n"
        for row in 0..<300_000 { input += "\(row),\(row % 97)\n" }
        let result = try SegmentRunner.runPipeline(["scale", "-"], into: "head -n 1", input: input)
        #expect(result.stdout == "id,x\n")
        #expect(result.stderr.isEmpty)
    }
}
