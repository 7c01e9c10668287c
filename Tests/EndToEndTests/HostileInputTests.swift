import Foundation
import Testing

/// Hostile input (issue 7): every bad input the issue lists, run through the
/// built `segment` for every command it applies to. Each case states the
/// exact standard error and exit status; on failure standard output must be
/// empty, and a rerun with `-o` (and `--model` for `cluster`) must leave the
/// existing files untouched with no temporary file behind.
@Suite struct HostileInputTests {
    /// One bad invocation and what the user must see.
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var stderr: String
        /// Standard input (otherwise empty).
        var stdin: String = ""
        /// Whether to rerun with `-o` (and `--model` for cluster) over existing files.
        var checksOutputFiles = true

        var testDescription: String { arguments.joined(separator: " ") }
    }

    // MARK: - The inputs

    /// A 1 MB cell.
    static let megabyte = 1_000_000

    /// A folder holding every hostile input file, made once per test run.
    static let workspace: URL = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("segment-hostile-\(getpid())-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) {
            try! Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        func writeBytes(_ name: String, _ bytes: [UInt8]) {
            try! Data(bytes).write(to: directory.appendingPathComponent(name))
        }
        write("empty.csv", "")
        write("header.csv", "a,b\n")
        // Deterministic binary garbage: every byte value, NUL included.
        writeBytes("garbage.csv", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })
        writeBytes("badutf8.csv", Array("a,b\n1,2\n".utf8) + [0xFF, 0xFE] + Array(",3\n4,5\n".utf8))
        write("dup.csv", "a,a\n1,2\n3,4\n")
        write("textnum.csv", "a,b\n1,2\n3,x\n4,5\n")
        write("inf.csv", "a,b\n1,2\ninf,3\n4,5\n")
        write("nan.csv", "a,b\n1,2\nnan,3\n4,5\n")
        write("huge.csv", "a,b\n1e308,2\n-1e308,1\n1.5e308,1\n1e307,2\n")
        write("same.csv", "a,b\n1,2\n1,2\n1,2\n1,2\n")
        write("three.csv", "a,b\n1,2\n1,2\n3,4\n3,4\n5,6\n")
        write("nofeat.csv", "name,city\nx,y\nz,w\n")
        write("bigtext.csv", "a,b\n1,2\n3,\(String(repeating: "x", count: megabyte))\n5,6\n7,8\n")
        write("bigdigits.csv", "a,b\n1,2\n3,\(String(repeating: "9", count: megabyte))\n5,6\n7,8\n")
        let wideHeader = (0..<100_000).map { "c\($0)" }.joined(separator: ",") + "\n"
        write("wideheader.csv", wideHeader)
        write("wide.csv", wideHeader + [String](repeating: "1", count: 100_000).joined(separator: ",") + "\n")
        write("rfmhuge.csv", "customer,date,amount\nc1,2024-01-01,1e308\nc1,2024-02-01,1e308\nc2,2024-01-05,5\n")
        write("small.csv", "a,b\n1,2\n3,4\n10,10\n11,11\n")
        write("notjson.json", "this is not JSON\n")
        write("v99.json", "{\"formatVersion\": 99}\n")
        write("v1.json", "{\"formatVersion\": 1}\n")
        try! FileManager.default.createDirectory(at: directory.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try! FileManager.default.copyItem(atPath: SegmentRunner.fixture("mall_customers.csv"),
                                          toPath: directory.appendingPathComponent("mall.csv").path)
        // A model over columns a and b, for `assign`.
        let made = try! SegmentRunner.run(["cluster", "small.csv", "--k", "2", "--scale", "none", "--model", "ab.json", "-q", "-o", "small-out.csv"],
                                          in: directory)
        precondition(made.status == 0, "cannot make the test model: \(made.stderr)")
        return directory
    }()

    // MARK: - The table

    /// How each command is invoked (the input file is appended).
    static let commands: [(name: String, arguments: [String])] = [
        ("kmeans", ["cluster", "--k", "2"]),
        ("agglomerative", ["cluster", "--algorithm", "agglomerative", "--k", "2"]),
        ("dbscan", ["cluster", "--algorithm", "dbscan"]),
        ("birch", ["cluster", "--algorithm", "birch", "--k", "2"]),
        ("elbow", ["elbow"]),
        ("score", ["score", "--label-column", "b"]),
        ("assign", ["assign", "--model", "ab.json"]),
        ("scale", ["scale"]),
        ("inspect", ["inspect"]),
        ("profile", ["profile", "--label-column", "b"]),
        ("recommend", ["recommend", "--purchases"]),
        ("rfm", ["rfm", "--customer", "a", "--date", "b", "--amount", "b"]),
    ]

    /// The commands that turn columns into scaled features.
    static let featureCommands: Set = ["kmeans", "agglomerative", "dbscan", "birch", "elbow", "score", "assign", "scale"]

    static func error(_ message: String) -> String { "segment: error: \(message)\n" }

    static func usage(_ command: String, _ message: String) -> String {
        let line = command == "recommend" ? "--purchases FILE [--catalog FILE] [--segments FILE|-] [options]" : "[options] [FILE]"
        return "segment: error: \(message)\nusage: segment \(command) \(line)\nsee 'segment \(command) --help'\n"
    }

    /// Problems with the file itself, the same for every command.
    static let fileProblems: [(file: String, status: Int32, stderr: String)] = [
        ("empty.csv", 1, error("empty.csv: the input is empty; expected a header line and at least one data row")),
        ("garbage.csv", 1, error("garbage.csv:1: field 1 is not valid UTF-8; convert the file to UTF-8 (for example with iconv)")),
        ("badutf8.csv", 1, error("badutf8.csv:3: field 1 is not valid UTF-8; convert the file to UTF-8 (for example with iconv)")),
        ("dup.csv", 1, error("dup.csv:1: column name 'a' appears twice (fields 1 and 2); rename one of them")),
        ("missing.csv", 1, error("cannot open 'missing.csv': no such file; check the name and the current directory")),
        ("folder", 1, error("cannot open 'folder': it is a directory, not a file")),
        // Tests run as root, so a chmod 000 file is still readable; a read of
        // /proc/self/mem at offset 0 fails with EIO for any user instead.
        ("/proc/self/mem", 1, error("reading '/proc/self/mem' failed: Input/output error")),
    ]

    /// A header and no rows: an error everywhere except where an empty
    /// result is meaningful (`inspect` shows the columns, `assign` labels no rows).
    static func headerOnly(_ command: String) -> (Int32, String)? {
        switch command {
        case "inspect", "assign": return nil
        case "profile": return (1, error("header.csv: column 'b' has no labels; give the column written by 'segment cluster' with --label-column"))
        default: return (1, error("header.csv: the file has a header but no data rows"))
        }
    }

    /// Problems with feature values, for the commands that read features
    /// (`--scale none` where the command has it, so that huge values reach the distances).
    static func featureProblems(_ command: String) -> [(file: String, status: Int32, stderr: String)] {
        let notANumber = "correct it, or leave it empty (or NA) to mark it missing"
        let x = "'" + String(repeating: "x", count: 60) + "…' (1000000 characters)"
        let nines = "'" + String(repeating: "9", count: 60) + "…' (1000000 characters)"
        var problems: [(String, Int32, String)] = [
            ("inf.csv", 1, error("inf.csv:3 column 'a': expected a finite number, found 'inf'; \(notANumber)")),
            ("nan.csv", 1, error(command == "assign"
                ? "nan.csv:3 column 'a': missing value, which the model treats as an error (it was made without --missing); fill it in, or re-create the model with `segment cluster --missing drop|mean|median|mode --model FILE`"
                : "nan.csv:3 column 'a': missing value; fill it in, or choose how to treat missing values with --missing drop|mean|median|mode")),
        ]
        if command == "score" {
            let label = "expected a segment label (a whole number, -1 for noise), found"
            problems += [
                ("textnum.csv", 1, error("textnum.csv:3 column 'b': \(label) 'x'")),
                ("bigtext.csv", 1, error("bigtext.csv:3 column 'b': \(label) \(x)")),
                ("nofeat.csv", 2, error("--label-column: no column named 'b' (columns: name, city)")),
            ]
        } else {
            problems += [
                ("textnum.csv", 1, error("textnum.csv:3 column 'b': expected a number, found 'x'; \(notANumber)")),
                ("bigtext.csv", 1, error("bigtext.csv:3 column 'b': expected a number, found \(x); \(notANumber)")),
                ("bigdigits.csv", 1, error("bigdigits.csv:3 column 'b': expected a finite number, found \(nines); \(notANumber)")),
            ]
        }
        if command == "assign" {
            problems.append(("nofeat.csv", 1, error("nofeat.csv:1: the model needs column 'a', which the input lacks (columns: name, city)")))
        } else if command != "score" {
            problems.append(("nofeat.csv", 2, error("no feature columns: the file has no numeric column besides the id; name the features with --features")))
        }
        let tooLarge = "huge.csv:2 column 'a': the value 1e+308 after --scale none is too large to compute distances with (the limit is ±1e100)"
        if command == "assign" {
            problems.append(("huge.csv", 1, error("\(tooLarge); the row is far outside the data the model was made from; correct or remove it")))
        } else if command != "scale" {
            problems.append(("huge.csv", 1, error("\(tooLarge); use --scale standard or minmax, or divide the column by a large constant")))
        }
        let oneSegment = "every row has the same feature values, so there is only one segment"
        switch command {
        case "kmeans", "agglomerative": problems.append(("same.csv", 2, error("k=2 but \(oneSegment); choose k=1 or other --features")))
        case "elbow": problems.append(("same.csv", 2, error("--k-range starts at k=2 but \(oneSegment); check --features")))
        case "birch": problems.append(("same.csv", 2, error("BIRCH found only 1 subcluster(s), fewer than --k 2; lower --threshold or ask for fewer segments")))
        default: break
        }
        return problems
    }

    /// Bad option values and models.
    static let parameterProblems: [Case] = {
        let threadsMessage = "--threads must be between 1 and 4096, got 0"
        var cases: [Case] = [
            Case(arguments: ["cluster", "mall.csv", "--k", "0"], status: 2, stderr: usage("cluster", "--k expects a whole number of at least 1 or 'auto', got '0'")),
            Case(arguments: ["cluster", "mall.csv", "--k", "-3"], status: 2, stderr: usage("cluster", "--k expects a whole number of at least 1 or 'auto', got '-3'")),
            Case(arguments: ["cluster", "mall.csv", "--k", "500"], status: 2, stderr: error("k=500 but the input has only 200 rows; choose k ≤ 200")),
            Case(arguments: ["cluster", "three.csv", "--k", "4", "--scale", "none"], status: 2, stderr: error("k=4 but the features have only 3 distinct rows; choose k ≤ 3")),
            Case(arguments: ["cluster", "three.csv", "--k", "4", "--scale", "none", "--algorithm", "agglomerative"], status: 2, stderr: error("k=4 but the features have only 3 distinct rows; choose k ≤ 3")),
            Case(arguments: ["elbow", "three.csv", "--k-range", "5-8", "--scale", "none"], status: 2, stderr: error("--k-range starts at k=5 but the features have only 3 distinct rows; choose a range within 1-3")),
            Case(arguments: ["cluster", "mall.csv", "--k-range", "10-2"], status: 2, stderr: usage("cluster", "--k-range needs 1 <= LOW <= HIGH, got '10-2'; did you mean '2-10'?")),
            Case(arguments: ["elbow", "mall.csv", "--k-range", "10-2"], status: 2, stderr: usage("elbow", "--k-range needs 1 <= LOW <= HIGH, got '10-2'; did you mean '2-10'?")),
            Case(arguments: ["cluster", "mall.csv", "--algorithm", "dbscan", "--eps", "0"], status: 2, stderr: usage("cluster", "--eps must be greater than 0, got 0")),
            Case(arguments: ["cluster", "mall.csv", "--algorithm", "dbscan", "--eps", "-1"], status: 2, stderr: usage("cluster", "--eps must be greater than 0, got -1")),
            Case(arguments: ["cluster", "mall.csv", "--algorithm", "dbscan", "--min-samples", "0"], status: 2, stderr: usage("cluster", "--min-samples must be at least 1, got 0")),
            Case(arguments: ["cluster", "mall.csv", "--algorithm", "kmodes"], status: 2, stderr: usage("cluster", "invalid value 'kmodes' for '--algorithm'; expected one of: kmeans, agglomerative, dbscan, birch, minibatch-kmeans, kprototypes, kmedoids")),
            Case(arguments: ["cluster", "mall.csv", "--algorithm", "agglomerative", "--k", "3", "--linkage", "centroid"], status: 2, stderr: usage("cluster", "invalid value 'centroid' for '--linkage'; expected one of: ward, complete, average, single")),
            Case(arguments: ["cluster", "wideheader.csv"], status: 1, stderr: error("wideheader.csv: the file has a header but no data rows")),
            Case(arguments: ["cluster", "wide.csv", "--k", "2"], status: 2, stderr: error("k=2 but the input has only 1 row; choose k ≤ 1")),
            Case(arguments: ["rfm", "rfmhuge.csv", "--customer", "customer", "--date", "date", "--amount", "amount"], status: 1,
                 stderr: error("customer 'c1': the purchase amounts add up to more than the largest representable number (about 1.8e308); divide the amount column by a large constant")),
            Case(arguments: ["cluster", "--k", "2", "-"], status: 1, stderr: error("<stdin>: the input is empty; expected a header line and at least one data row")),
            Case(arguments: ["assign", "--model", "notjson.json", "mall.csv"], status: 1, stderr: error("notjson.json: not a segment model (expected JSON written by `segment cluster --model`)")),
            Case(arguments: ["assign", "--model", "v99.json", "mall.csv"], status: 1, stderr: error("v99.json: model format version 99 is not supported (this segment reads version 1); re-create the model with this version of `segment cluster --model`")),
            Case(arguments: ["assign", "--model", "v1.json", "mall.csv"], status: 1, stderr: error("v1.json: damaged model: missing field 'algorithm'; re-create it with `segment cluster --model FILE`")),
            Case(arguments: ["assign", "--model", "ab.json", "mall.csv"], status: 1, stderr: error("mall.csv:1: the model needs column 'a', which the input lacks (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100))")),
            Case(arguments: ["assign", "--model", "missing.json", "mall.csv"], status: 1, stderr: error("cannot open 'missing.json': no such file; check the name and the current directory")),
            Case(arguments: ["assign", "--model", "folder", "mall.csv"], status: 1, stderr: error("cannot open 'folder': it is a directory, not a file")),
            Case(arguments: ["cluster", "mall.csv", "--k", "3", "-o", "nowhere/out.csv"], status: 1,
                 stderr: error("cannot write 'nowhere/out.csv': the directory 'nowhere' does not exist; create it or write elsewhere"), checksOutputFiles: false),
            Case(arguments: ["cluster", "mall.csv", "--k", "3", "-o", "folder"], status: 1,
                 stderr: error("cannot write 'folder': it is a directory; give a file name"), checksOutputFiles: false),
        ]
        // `assign` streams on one thread and has no --threads.
        for (name, arguments) in commands where name != "assign" {
            let input = name == "recommend" ? ["--purchases", "mall.csv"] : ["mall.csv"]
            let command = arguments[0]
            cases.append(Case(arguments: arguments.filter { $0 != "--purchases" } + input + ["--threads", "0"], status: 2,
                              stderr: usage(command, threadsMessage)))
        }
        return cases
    }()

    /// Every case: file problems for every command, feature problems for the
    /// feature commands, then the parameter problems.
    static let cases: [Case] = {
        var cases: [Case] = []
        for (name, arguments) in commands {
            for problem in fileProblems {
                cases.append(Case(arguments: arguments + [problem.file], status: problem.status, stderr: problem.stderr))
            }
            if let (status, stderr) = headerOnly(name) {
                cases.append(Case(arguments: arguments + ["header.csv"], status: status, stderr: stderr))
            }
            guard featureCommands.contains(name) else { continue }
            let scaleNone = name == "assign" ? [] : ["--scale", "none"]
            for problem in featureProblems(name) {
                cases.append(Case(arguments: arguments + scaleNone + [problem.file], status: problem.status, stderr: problem.stderr))
            }
        }
        return cases + parameterProblems
    }()

    // MARK: - The tests

    @Test(arguments: cases)
    func badInputGetsAClearError(_ hostile: Case) throws {
        let directory = Self.workspace
        let result = try SegmentRunner.run(hostile.arguments, input: hostile.stdin, in: directory)
        #expect(result.status == hostile.status)
        #expect(result.stderr == hostile.stderr)
        #expect(result.stdout.isEmpty)
        guard hostile.checksOutputFiles else { return }

        // The same run over existing output files leaves them as they were.
        let tag = UUID().uuidString
        let output = "kept-\(tag).csv", model = "kept-\(tag).json"
        for name in [output, model] { try Data("keep me\n".utf8).write(to: directory.appendingPathComponent(name)) }
        var arguments = hostile.arguments + ["-o", output]
        if hostile.arguments.first == "cluster" { arguments += ["--model", model] }
        let rerun = try SegmentRunner.run(arguments, input: hostile.stdin, in: directory)
        #expect(rerun.status == hostile.status)
        #expect(rerun.stderr == hostile.stderr)
        #expect(rerun.stdout.isEmpty)
        for name in [output, model] {
            #expect(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) == "keep me\n")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(tag) && $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// A 100,000-column file is read and written in reasonable time (no
    /// quadratic work per column).
    @Test func hundredThousandColumnsAreHandled() throws {
        let started = Date()
        let result = try SegmentRunner.run(["scale", "wide.csv", "--scale", "none"], in: Self.workspace)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].split(separator: ",").count == 100_000)
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
