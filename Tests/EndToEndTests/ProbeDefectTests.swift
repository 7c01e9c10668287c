import Foundation
import Testing

/// The defects a hostile probe of 0.4.0 found (issue 23), each run through
/// the built binary: outputs over devices, FIFOs and symbolic links, a FIFO
/// read twice, outputs over inputs, dates after `--as-of`, all-zero
/// quantities, misleading messages and silently wrong results.
@Suite struct ProbeDefectTests {
    /// A fresh folder holding the mall fixture as `mall.csv` and a model of it.
    static func folder() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SegmentRunner.fixture("mall_customers.csv"), toPath: directory.appendingPathComponent("mall.csv").path)
        let made = try SegmentRunner.run(["cluster", "mall.csv", "--k", "3", "--model", "model.json", "-q", "-o", "labels.csv"], in: directory)
        try #require(made.status == 0, "cannot make the model: \(made.stderr)")
        return directory
    }

    /// Writes `text` to `name` in `directory`.
    static func write(_ text: String, _ name: String, in directory: URL) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    /// The file type bits of `path` (not following a final symbolic link).
    static func type(of path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// Runs `arguments` in `directory`, failing (and killing it) after `seconds`.
    static func runWithin(_ seconds: Double, _ arguments: [String], in directory: URL) throws -> Int32? {
        let process = try InterruptAndPipeTests.start(arguments, in: directory)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// The usage error text for `message` from `command`.
    static func usage(_ message: String, _ command: String) -> String {
        let usage = command == "scale" ? "segment scale [options] [FILE]" : "segment \(command) [options] [FILE]"
        return "segment: error: \(message)\nusage: \(usage)\nsee 'segment \(command) --help'\n"
    }

    // MARK: - 1. `-o` over what is not a regular file

    /// A symbolic link stays a link; the file it points to gets the output.
    @Test func outputThroughASymbolicLinkReplacesItsTarget() throws {
        let directory = try Self.folder()
        let link = directory.appendingPathComponent("link.csv").path
        try Self.write("old\n", "target.csv", in: directory)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")
        let run = try SegmentRunner.run(["cluster", "mall.csv", "--k", "3", "-q", "-o", "link.csv"], in: directory)
        #expect(run.status == 0)
        #expect(Self.type(of: link) == S_IFLNK)
        let expected = try SegmentRunner.run(["cluster", "mall.csv", "--k", "3", "-q"], in: directory).stdout
        #expect(try String(contentsOfFile: directory.appendingPathComponent("target.csv").path, encoding: .utf8) == expected)
        // A dangling link: the file it names is created.
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("dangling.csv").path, withDestinationPath: "made.csv")
        #expect(try SegmentRunner.run(["cluster", "mall.csv", "--k", "3", "-q", "-o", "dangling.csv"], in: directory).status == 0)
        #expect(try String(contentsOfFile: directory.appendingPathComponent("made.csv").path, encoding: .utf8) == expected)
        #expect(Self.type(of: directory.appendingPathComponent("dangling.csv").path) == S_IFLNK)
    }

    /// A FIFO is written through and stays a FIFO.
    @Test func outputToAFIFOIsWrittenThrough() throws {
        let directory = try Self.folder()
        let fifo = directory.appendingPathComponent("out.fifo").path
        try #require(mkfifo(fifo, 0o644) == 0)
        nonisolated(unsafe) var received = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
        }
        let run = try SegmentRunner.run(["cluster", "mall.csv", "--k", "3", "-q", "-o", "out.fifo"], in: directory)
        reading.wait()
        #expect(run.status == 0)
        #expect(Self.type(of: fifo) == S_IFIFO)
        let expected = try SegmentRunner.run(["cluster", "mall.csv", "--k", "3", "-q"], in: directory).stdout
        #expect(String(decoding: received, as: UTF8.self) == expected)
    }

    /// `/dev/null` (the example of `assign --help`) stays a character device,
    /// also as two outputs of one run.
    @Test func outputToDevNullLeavesTheDevice() throws {
        let directory = try Self.folder()
        let run = try SegmentRunner.run(["cluster", "mall.csv", "--k", "3", "-q", "-o", "/dev/null", "--model", "/dev/null"], in: directory)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(Self.type(of: "/dev/null") == S_IFCHR)
    }

    // MARK: - 3. A FIFO as input

    /// Read once: 40 runs whose writer finishes at once all end.
    @Test func aFIFOInputIsReadOnceAndNeverHangs() throws {
        let directory = try Self.folder()
        let fifo = directory.appendingPathComponent("in.fifo").path
        try #require(mkfifo(fifo, 0o644) == 0)
        let text = try Data(contentsOf: directory.appendingPathComponent("mall.csv"))
        for run in 0..<40 {
            DispatchQueue.global().async {
                let descriptor = open(fifo, O_WRONLY)
                guard descriptor >= 0 else { return }
                text.withUnsafeBytes { _ = Foundation.write(descriptor, $0.baseAddress!, $0.count) }
                close(descriptor)
            }
            let status = try Self.runWithin(20, ["cluster", "in.fifo", "--k", "3", "-q", "-o", "out.csv"], in: directory)
            #expect(status == 0, "run \(run) hung or failed")
            if status == nil {
                // The writer is still blocked in open(2): let it finish, then stop.
                _ = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile()
                return
            }
        }
        let expected = try SegmentRunner.run(["cluster", "mall.csv", "--k", "3", "-q"], in: directory).stdout
        #expect(try String(contentsOfFile: directory.appendingPathComponent("out.csv").path, encoding: .utf8) == expected)
    }

    // MARK: - 4. Outputs over inputs and over each other

    /// Every output option that names the input, by any spelling, is a usage
    /// error before anything is read or written; the input is untouched.
    @Test func anOutputOverAnInputIsRefused() throws {
        let directory = try Self.folder()
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("alias.csv").path, withDestinationPath: "mall.csv")
        try FileManager.default.linkItem(atPath: directory.appendingPathComponent("mall.csv").path,
                                         toPath: directory.appendingPathComponent("hard.csv").path)
        let original = try Data(contentsOf: directory.appendingPathComponent("mall.csv"))
        let overwrite = "an output never replaces an input: write it to another file"
        let cases: [([String], String, String)] = [
            (["cluster", "mall.csv", "--k", "3", "--model", "mall.csv"], "--model would overwrite the input 'mall.csv'; \(overwrite)", "cluster"),
            (["cluster", "mall.csv", "--k", "3", "--centers", "./mall.csv"], "--centers would overwrite the input 'mall.csv'; \(overwrite)", "cluster"),
            (["cluster", "mall.csv", "--k", "3", "-o", "alias.csv"], "-o would overwrite the input 'mall.csv'; \(overwrite)", "cluster"),
            (["elbow", "mall.csv", "--plot", "hard.csv"], "--plot would overwrite the input 'mall.csv'; \(overwrite)", "elbow"),
            (["scale", "mall.csv", "-o", "mall.csv"], "-o would overwrite the input 'mall.csv'; \(overwrite)", "scale"),
            (["assign", "--model", "model.json", "mall.csv", "-o", "model.json"], "-o would overwrite --model 'model.json'; \(overwrite)", "assign"),
            (["cluster", "mall.csv", "--k", "3", "--model", "x.json", "-o", "x.json"], "--model and -o both write 'x.json', so one would be lost; give each output its own file", "cluster"),
            (["cluster", "mall.csv", "--k", "3", "--model", "-"], "--model and -o both write to standard output; give one of them a file name", "cluster"),
        ]
        for (arguments, message, command) in cases {
            let run = try SegmentRunner.run(arguments, in: directory)
            #expect(run.status == 2, "\(arguments)")
            let expected = command == "assign"
                ? "segment: error: \(message)\nusage: segment assign --model FILE [options] [FILE]\nsee 'segment assign --help'\n"
                : Self.usage(message, command)
            #expect(run.stderr == expected, "\(arguments)")
            #expect(run.stdout == "")
        }
        #expect(try Data(contentsOf: directory.appendingPathComponent("mall.csv")) == original)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.json").path))
        let piped = try SegmentRunner.run(["recommend", "--purchases", "-", "--segments", "-"], in: directory)
        #expect(piped.status == 2)
        #expect(piped.stderr.hasPrefix("segment: error: --purchases and --segments both read standard input, which can be read once; give one of them as a file\n"))
    }

    // MARK: - 5. Dates after --as-of, future dates, all-zero quantities

    @Test func rfmAsOfBeforeAPurchaseIsAnErrorNamingTheCustomer() throws {
        let directory = try Self.folder()
        try Self.write("customer,date,amount\nc1,2024-01-10,5\nc2,2024-03-01,3\nc3,2024-01-02,4\n", "log.csv", in: directory)
        let run = try SegmentRunner.run(["rfm", "log.csv", "--as-of", "2024-02-01"], in: directory)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "segment: error: --as-of 2024-02-01 comes before the last purchase of customer 'c2' (2024-03-01), so recency would be negative; give a date on or after 2024-03-01, or leave --as-of out (the day after the latest purchase)\n")
        let fine = try SegmentRunner.run(["rfm", "log.csv", "--as-of", "2024-03-01"], in: directory)
        #expect(fine.status == 0)
        #expect(fine.stdout.contains("c2,0,1,3,"))
    }

    @Test func rfmWarnsAboutDatesInTheFuture() throws {
        let directory = try Self.folder()
        try Self.write("customer,date,amount\nc1,2999-01-10,5\nc2,2024-03-01,3\n", "log.csv", in: directory)
        let run = try SegmentRunner.run(["rfm", "log.csv", "--as-of", "3000-01-01"], in: directory)
        #expect(run.status == 0)
        #expect(run.stderr.contains("segment: warning: --as-of 3000-01-01 is in the future (today is "))
        #expect(run.stderr.contains("segment: warning: 1 purchase is dated after today ("))
        #expect(run.stderr.contains("the latest 2999-01-10; check the date column\n"))
    }

    @Test func recommendWithEveryQuantityZeroIsAnError() throws {
        let directory = try Self.folder()
        try Self.write("customer_id,product_id,quantity\n1,P001,0\n2,P002,0\n", "zero.csv", in: directory)
        let run = try SegmentRunner.run(["recommend", "--purchases", "zero.csv"], in: directory)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "segment: error: zero.csv: every row has a quantity of 0 or less in column 'quantity', so there is no purchase to learn from; check the file, or name the right column with --quantity-column\n")
        try Self.write("customer_id,product_id,quantity\n1,P001,0\n1,P002,1\n2,P001,1\n2,P003,1\n3,P002,-1\n", "some.csv", in: directory)
        let some = try SegmentRunner.run(["recommend", "--purchases", "some.csv", "--top", "1"], in: directory)
        #expect(some.status == 0)
        #expect(some.stderr == "segment: warning: some.csv: 2 of 5 rows have a quantity of 0 or less and count as no purchase\n")
    }

    // MARK: - 6. Messages that pointed the wrong way

    @Test func messagesPointTheRightWay() throws {
        let directory = try Self.folder()
        try Self.write("CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n1,Male,19,,39\n", "missing.csv", in: directory)
        try Self.write("a,b\n1,2\n", "one.csv", in: directory)
        try Self.write("customer,date,amount\nc1,01/02/2024,5\nc2,2024-01-01,3\n", "dates.csv", in: directory)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let saved = try String(contentsOfFile: directory.appendingPathComponent("model.json").path, encoding: .utf8)
        // The saved model's scaler centres, and its algorithm, replaced.
        let centers = try #require(saved.range(of: #""center" : \[[^\]]*\]"#, options: .regularExpression))
        try Self.write(saved.replacingCharacters(in: centers, with: #""center" : [1, 2]"#), "damaged.json", in: directory)
        try Self.write(saved.replacingOccurrences(of: #""algorithm" : "kmeans""#, with: #""algorithm" : "magic""#), "magic.json", in: directory)

        let cases: [(arguments: [String], status: Int32, stderr: String)] = [
            (["assign", "--model", "model.json", "missing.csv"], 1,
             "segment: error: missing.csv:2 column 'Annual Income (k$)': missing value, which the model treats as an error (it was made without --missing); fill it in, or re-create the model with `segment cluster --missing drop|mean|median|mode --model FILE`\n"),
            (["cluster", "mall.csv", "--k", "3", "-o", "/proc/x.csv"], 1,
             "segment: error: cannot write '/proc/x.csv': cannot create a file in '/proc' (No such file or directory); write elsewhere\n"),
            (["cluster", "folder", "--algorithm", "minibatch-kmeans", "--k", "3"], 1,
             "segment: error: cannot open 'folder': it is a directory, not a file\n"),
            (["assign", "--model", "damaged.json", "mall.csv"], 1,
             "segment: error: damaged.json: damaged model: the scaler has 2 centres and 3 scales for the pipeline's 3 features; re-create it with `segment cluster --model FILE`\n"),
            (["assign", "--model", "magic.json", "mall.csv"], 1,
             "segment: error: magic.json: the model's algorithm 'magic' is not one this version of segment knows (kmeans, agglomerative, dbscan, birch, minibatch-kmeans, kprototypes, kmedoids); re-create it with `segment cluster --model FILE`\n"),
            (["cluster", "mall.csv", "--delimiter", "\""], 2,
             "segment: error: --delimiter '\"' is not a delimiter: use tab, comma, semicolon, pipe or a single ASCII character other than a quote or newline\n"),
            (["elbow", "one.csv"], 2,
             "segment: error: --k-range starts at k=2 but the input has only one row, so there is only one segment; segmenting needs at least 2 rows\n"),
            (["cluster", "one.csv", "--k", "2"], 2,
             "segment: error: k=2 but the input has only 1 row; choose k ≤ 1\n"),
            (["rfm", "dates.csv"], 1,
             "segment: error: dates.csv:2 column 'date': expected a date YYYY-MM-DD or YYYYMMDD, found '01/02/2024'\n"),
        ]
        for (arguments, status, stderr) in cases {
            let run = try SegmentRunner.run(arguments, in: directory)
            #expect(run.status == status, "\(arguments)")
            #expect(run.stderr == stderr, "\(arguments)")
            #expect(run.stdout == "", "\(arguments)")
        }
    }

    // MARK: - 7. Smaller wrong results

    @Test func inspectSaysWhichDefaultFeaturesAreNotNumbers() throws {
        let directory = try Self.folder()
        try Self.write("a,b\n1,2\n3,x\n4,5\n6,7\n", "text.csv", in: directory)
        let run = try SegmentRunner.run(["inspect", "text.csv"], in: directory)
        #expect(run.status == 0)
        #expect(run.stderr == "text.csv: 4 rows × 2 columns; id column: none; default features: a, b ('b' is mostly numbers with some text, so clustering stops at the first text cell: fix those cells, or leave it out with --features)\n")
    }

    @Test func minibatchRefusesMoreSegmentsThanDistinctRows() throws {
        let directory = try Self.folder()
        try Self.write("a,b\n" + String(repeating: "1,2\n", count: 50), "same.csv", in: directory)
        let run = try SegmentRunner.run(["cluster", "same.csv", "--algorithm", "minibatch-kmeans", "--k", "3"], in: directory)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "segment: error: k=3 but every row has the same feature values, so there is only one segment; choose k=1 or other --features\n")
    }

    /// A plot that cannot be written fails before the table is printed.
    @Test func elbowWithAnUnwritablePlotPrintsNothing() throws {
        let directory = try Self.folder()
        let run = try SegmentRunner.run(["elbow", "mall.csv", "--plot", "nodir/p.svg"], in: directory)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "segment: error: cannot write 'nodir/p.svg': the directory 'nodir' does not exist; create it or write elsewhere\n")
    }

    /// Streaming `assign` to standard output, which has written many rows
    /// when a late row turns out bad, stops at the end of a row, and the
    /// error names the bad one.
    @Test func streamingAssignEndsAtARecordBoundary() throws {
        let directory = try Self.folder()
        var text = "CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n"
        for row in 0..<30_000 { text += "\(row),Male,\(18 + row % 50),\(15 + row % 120),\(1 + row % 99)\n" }
        text += "x,Male,30,abc,40\n"
        try Self.write(text, "late.csv", in: directory)
        let run = try SegmentRunner.run(["assign", "--model", "model.json", "late.csv"], in: directory)
        #expect(run.status == 1)
        #expect(run.stderr == "segment: error: late.csv:30002 column 'Annual Income (k$)': expected a number, found 'abc'; correct it, or leave it empty (or NA) to mark it missing\n")
        #expect(run.stdout.count > 100_000, "the rows before the bad one were streamed")
        #expect(run.stdout.hasSuffix("\n"))
        let rows = run.stdout.split(separator: "\n")
        #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 6 })
    }
}
