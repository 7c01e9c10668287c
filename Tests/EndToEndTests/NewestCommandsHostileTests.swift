import Foundation
import Testing

/// Hostile cases of issue 23 on the newest commands and options
/// (`recommend`, `rfm`, streaming `minibatch-kmeans` and `assign`, and the
/// output-path checks): each a clear error with the right exit status, on
/// standard error only, and nothing on standard output. Every message was
/// read and judged against the bar (file, line, column, what was
/// expected, how to fix it) before it was written down here.
@Suite struct NewestCommandsHostileTests {
    /// One bad invocation and what the user must see.
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var stderr: String

        init(_ arguments: [String], _ status: Int32, _ stderr: String) {
            self.arguments = arguments
            self.status = status
            self.stderr = stderr
        }

        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// The folder holding every input the cases name, made once per test run.
    static let workspace: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-newest-\(getpid())-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) { try! Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        write("header.csv", "customer_id,product_id\n")
        write("badqty.csv", "customer_id,product_id,quantity\n1,P001,abc\n")
        write("emptyid.csv", "customer_id,product_id,quantity\n,P001,1\n")
        write("infqty.csv", "customer_id,product_id,quantity\n1,P001,inf\n")
        write("overflow.csv", "customer_id,product_id,quantity\n1,P001,1e308\n1,P001,1e308\n2,P002,1\n")
        write("nocolumns.csv", "user,thing\n1,a\n")
        write("baddate.csv", "customer_id,product_id,quantity,date\n1,P001,1,2024-13-01\n2,P002,1,2024-01-02\n")
        write("zeros.csv", "customer_id,product_id,quantity\n1,P001,0\n2,P002,-3\n")
        write("rfmbadamount.csv", "customer,date,amount\nc1,2024-01-01,5\nc2,2024-01-02,abc\n")
        write("rfmnodate.csv", "customer,date,amount\nc1,,5\n")
        write("rfmnoid.csv", "customer,date,amount\nc1,2024-01-01,5\n,2024-01-02,3\n")
        write("rfmnoamount.csv", "customer,date\nc1,2024-01-01\n")
        write("onlyheader.csv", "a,b\n")
        write("ragged.csv", "a,b\n1,2\n3\n")
        write("nolabelid.csv", "segment\n1\n")
        for (fixture, name) in [("purchases.csv", "p.csv"), ("products.csv", "c.csv"), ("mall_customers.csv", "mall.csv")] {
            try! FileManager.default.copyItem(atPath: SegmentRunner.fixture(fixture), toPath: directory.appendingPathComponent(name).path)
        }
        try! FileManager.default.createDirectory(at: directory.appendingPathComponent("folder"), withIntermediateDirectories: true)
        precondition(mkfifo(directory.appendingPathComponent("fifo").path, 0o644) == 0)
        let made = try! SegmentRunner.run(["cluster", "mall.csv", "--k", "5", "--model", "model.json", "-q", "-o", "seg.csv"], in: directory)
        precondition(made.status == 0, "cannot make the test model: \(made.stderr)")
        return directory
    }()

    static let cases: [Case] = [
        Case(["recommend", "--purchases", "header.csv"], 1,
             "segment: error: header.csv: the file has a header but no data rows\n"),
        Case(["recommend", "--purchases", "badqty.csv"], 1,
             "segment: error: badqty.csv:2 column 'quantity': expected a number (quantity), found 'abc'\n"),
        Case(["recommend", "--purchases", "emptyid.csv"], 1,
             "segment: error: emptyid.csv:2 column 'customer_id': expected an id, found an empty or missing value; remove the row or fill in the id\n"),
        Case(["recommend", "--purchases", "infqty.csv"], 1,
             "segment: error: infqty.csv:2 column 'quantity': expected a number (quantity), found 'inf'\n"),
        Case(["recommend", "--purchases", "overflow.csv"], 1,
             "segment: error: overflow.csv: customer '1' bought item 'P001' in quantities that add up to more than the largest representable number (about 1.8e308); divide the quantity column by a large constant\n"),
        Case(["recommend", "--purchases", "nocolumns.csv"], 2,
             "segment: error: nocolumns.csv: cannot tell which column holds the item id; name it with --item-column (columns: user, thing)\n"),
        Case(["recommend", "--purchases", "baddate.csv", "--evaluate"], 1,
             "segment: error: baddate.csv:2 column 'date': expected a date YYYY-MM-DD or YYYYMMDD, found '2024-13-01'\n"),
        Case(["recommend", "--purchases", "zeros.csv"], 1,
             "segment: error: zeros.csv: every row has a quantity of 0 or less in column 'quantity', so there is no purchase to learn from; check the file, or name the right column with --quantity-column\n"),
        Case(["recommend", "--purchases", "p.csv", "--method", "knn"], 2,
             "segment: error: --method knn needs the product catalog: add --catalog FILE\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend", "--purchases", "p.csv", "--method", "segment"], 2,
             "segment: error: --method segment needs customer segments: add --segments FILE (for example the output of segment cluster)\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend", "--purchases", "p.csv", "--segments", "seg.csv", "--label-column", "nope"], 2,
             "segment: error: --label-column: no column named 'nope' (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100), segment)\n"),
        Case(["recommend", "--purchases", "p.csv", "--segments", "seg.csv", "--id", "nope"], 2,
             "segment: error: --id: no column named 'nope' (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100), segment)\n"),
        Case(["recommend", "--purchases", "p.csv", "--segments", "nolabelid.csv"], 2,
             "segment: error: nolabelid.csv: no unique id column found in the segments; name it with --id (columns: segment)\n"),
        Case(["recommend", "--purchases", "p.csv", "--top", "0"], 2,
             "segment: error: --top must be between 1 and 100000, got 0\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend", "--purchases", "p.csv", "--neighbors", "0"], 2,
             "segment: error: --neighbors must be between 1 and 100000, got 0\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend", "--purchases", "p.csv", "--catalog", "header.csv"], 1,
             "segment: error: header.csv: the file has a header but no data rows\n"),
        Case(["recommend", "--purchases", "p.csv", "--catalog", "mall.csv"], 1,
             "segment: error: mall.csv: none of the catalog's 200 ids is an item of the purchases (column 'product_id'); check that it is the catalog of these purchases, or name its id column with --catalog-id\n"),
        Case(["recommend", "--purchases", "p.csv", "--evaluate", "--test-fraction", "1.5"], 2,
             "segment: error: --test-fraction must be less than 1, got 1.5\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend", "--purchases", "p.csv", "--evaluate", "--holdout", "sideways"], 2,
             "segment: error: invalid value 'sideways' for '--holdout'; expected one of: last, random\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend", "--purchases", "p.csv", "--method", "nope"], 2,
             "segment: error: invalid value 'nope' for '--method'; expected one of: tfidf, knn, segment, popular, hybrid\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend", "--purchases", "nothere.csv"], 1,
             "segment: error: cannot open 'nothere.csv': no such file; check the name and the current directory\n"),
        Case(["recommend", "--purchases", "folder"], 1,
             "segment: error: cannot open 'folder': it is a directory, not a file\n"),
        Case(["recommend", "--purchases", "p.csv", "extra"], 2,
             "segment: error: unexpected argument 'extra'; give the purchase log with --purchases FILE\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend"], 2,
             "segment: error: missing --purchases FILE: the purchase log is required\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend", "--purchases", "p.csv", "--catalog", "p.csv", "-o", "p.csv"], 2,
             "segment: error: -o would overwrite --purchases 'p.csv'; an output never replaces an input: write it to another file\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["recommend", "--purchases", "p.csv", "--customer-column", "nope"], 2,
             "segment: error: --customer-column: no column named 'nope' (columns: customer_id, product_id, quantity, date, amount)\n"),
        Case(["recommend", "--purchases", "p.csv", "--weight", "sideways"], 2,
             "segment: error: invalid value 'sideways' for '--weight'; expected one of: quantity, count\nusage: segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]\nsee 'segment recommend --help'\n"),
        Case(["rfm", "header.csv"], 1,
             "segment: error: header.csv: the file has a header but no data rows\n"),
        Case(["rfm", "rfmbadamount.csv"], 1,
             "segment: error: rfmbadamount.csv:3 column 'amount': expected a number (amount), found 'abc'\n"),
        Case(["rfm", "rfmnodate.csv"], 1,
             "segment: error: rfmnodate.csv:2 column 'date': expected a date YYYY-MM-DD or YYYYMMDD, found ''\n"),
        Case(["rfm", "rfmnoid.csv"], 1,
             "segment: error: rfmnoid.csv:3 column 'customer': expected an id, found an empty or missing value; remove the row or fill in the id\n"),
        Case(["rfm", "rfmnoamount.csv"], 2,
             "segment: error: rfm needs the money spent: name an amount column with --amount, or --quantity and --price\n"),
        Case(["rfm", "p.csv", "--as-of", "2024-02-30"], 2,
             "segment: error: --as-of expects a date YYYY-MM-DD, got '2024-02-30'\nusage: segment rfm [options] [FILE]\nsee 'segment rfm --help'\n"),
        Case(["rfm", "p.csv", "--as-of", "2000-01-01"], 2,
             "segment: error: --as-of 2000-01-01 comes before the last purchase of customer '75' (2025-12-31) and of 189 other customers, so recency would be negative; give a date on or after 2025-12-31, or leave --as-of out (the day after the latest purchase)\n"),
        Case(["rfm", "p.csv", "--customer", "nope"], 2,
             "segment: error: --customer: no column named 'nope' (columns: customer_id, product_id, quantity, date, amount)\n"),
        Case(["rfm", "p.csv", "--quantity", "quantity"], 2,
             "segment: error: --quantity and --price go together (monetary = quantity x price); or give --amount\nusage: segment rfm [options] [FILE]\nsee 'segment rfm --help'\n"),
        Case(["rfm", "p.csv", "--amount", "product_id"], 1,
             "segment: error: p.csv:2 column 'product_id': expected a number (amount), found 'P040'\n"),
        Case(["rfm", "p.csv", "-o", "p.csv"], 2,
             "segment: error: -o would overwrite the input 'p.csv'; an output never replaces an input: write it to another file\nusage: segment rfm [options] [FILE]\nsee 'segment rfm --help'\n"),
        Case(["cluster", "mall.csv", "--algorithm", "minibatch-kmeans", "--k", "300"], 2,
             "segment: error: the data has 200 rows with features, fewer than --k 300; lower --k\n"),
        Case(["cluster", "mall.csv", "--algorithm", "minibatch-kmeans", "--batch-size", "0"], 2,
             "segment: error: --batch-size must be at least 1, got 0\nusage: segment cluster [options] [FILE]\nsee 'segment cluster --help'\n"),
        Case(["cluster", "-", "--algorithm", "minibatch-kmeans", "--k", "3"], 2,
             "segment: error: --algorithm minibatch-kmeans reads its input several times, so it cannot read standard input, a pipe or a device; save it to a file and pass the path\nusage: segment cluster [options] [FILE]\nsee 'segment cluster --help'\n"),
        Case(["cluster", "fifo", "--algorithm", "minibatch-kmeans", "--k", "3"], 2,
             "segment: error: --algorithm minibatch-kmeans reads its input several times, so it cannot read standard input, a pipe or a device; save it to a file and pass the path\nusage: segment cluster [options] [FILE]\nsee 'segment cluster --help'\n"),
        Case(["cluster", "onlyheader.csv", "--algorithm", "minibatch-kmeans", "--k", "3"], 1,
             "segment: error: onlyheader.csv: the file has a header but no data rows\n"),
        Case(["cluster", "ragged.csv", "--algorithm", "minibatch-kmeans", "--k", "1"], 1,
             "segment: error: ragged.csv:3: expected 2 fields, found 1; quote fields that contain the delimiter, or check the delimiter (--delimiter)\n"),
        Case(["cluster", "mall.csv", "--algorithm", "minibatch-kmeans", "--k", "3", "--label-column", "Age"], 2,
             "segment: error: the input already has a column 'Age'; name the new label column with --label-column NAME\n"),
        Case(["cluster", "mall.csv", "--algorithm", "minibatch-kmeans", "--k", "3", "--features", "Nope"], 2,
             "segment: error: --features: no column named 'Nope' (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100))\n"),
        Case(["cluster", "mall.csv", "--algorithm", "minibatch-kmeans", "--k", "3", "--model", "mall.csv"], 2,
             "segment: error: --model would overwrite the input 'mall.csv'; an output never replaces an input: write it to another file\nusage: segment cluster [options] [FILE]\nsee 'segment cluster --help'\n"),
        Case(["cluster", "mall.csv", "--algorithm", "minibatch-kmeans", "--k", "3", "--eps", "2"], 2,
             "segment: error: option '--eps' does not apply to --algorithm minibatch-kmeans (only to dbscan); drop it\nusage: segment cluster [options] [FILE]\nsee 'segment cluster --help'\n"),
        Case(["assign", "--model", "nothere.json", "mall.csv"], 1,
             "segment: error: cannot open 'nothere.json': no such file; check the name and the current directory\n"),
        Case(["assign", "--model", "mall.csv", "mall.csv"], 1,
             "segment: error: mall.csv: not a segment model (expected JSON written by `segment cluster --model`)\n"),
        Case(["assign", "--model", "model.json", "onlyheader.csv"], 1,
             "segment: error: onlyheader.csv:1: the model needs column 'Age', which the input lacks (columns: a, b)\n"),
        Case(["assign", "--model", "model.json", "p.csv"], 1,
             "segment: error: p.csv:1: the model needs column 'Age', which the input lacks (columns: customer_id, product_id, quantity, date, amount)\n"),
        Case(["assign", "--model", "model.json", "mall.csv", "--centers", "c.csv"], 2,
             "segment: error: unknown option '--centers'\nusage: segment assign --model FILE [options] [FILE]\nsee 'segment assign --help'\n"),
        Case(["assign", "--model", "model.json", "mall.csv", "-o", "model.json"], 2,
             "segment: error: -o would overwrite --model 'model.json'; an output never replaces an input: write it to another file\nusage: segment assign --model FILE [options] [FILE]\nsee 'segment assign --help'\n"),
        Case(["score", "seg.csv", "--label-column", "nope"], 2,
             "segment: error: --label-column: no column named 'nope' (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100), segment)\n"),
        Case(["scale", "mall.csv", "--scale", "bogus"], 2,
             "segment: error: invalid value 'bogus' for '--scale'; expected one of: none, standard, minmax, robust\nusage: segment scale [options] [FILE]\nsee 'segment scale --help'\n"),
        Case(["scale", "mall.csv", "-o", "mall.csv"], 2,
             "segment: error: -o would overwrite the input 'mall.csv'; an output never replaces an input: write it to another file\nusage: segment scale [options] [FILE]\nsee 'segment scale --help'\n"),
        Case(["profile", "seg.csv", "-o", "seg.csv"], 2,
             "segment: error: -o would overwrite the input 'seg.csv'; an output never replaces an input: write it to another file\nusage: segment profile [options] [FILE]\nsee 'segment profile --help'\n"),
        Case(["report", "seg.csv", "-o", "seg.csv"], 2,
             "segment: error: -o would overwrite the input 'seg.csv'; an output never replaces an input: write it to another file\nusage: segment report [options] [FILE] -o report.html\nsee 'segment report --help'\n"),
        Case(["report", "seg.csv", "--purchases", "-", "-o", "r.html"], 1,
             "segment: error: <stdin>: the input is empty; expected a header line and at least one data row\n"),
        Case(["elbow", "mall.csv", "--plot", "mall.csv"], 2,
             "segment: error: --plot would overwrite the input 'mall.csv'; an output never replaces an input: write it to another file\nusage: segment elbow [options] [FILE]\nsee 'segment elbow --help'\n"),
        Case(["elbow", "mall.csv", "--plot", "nodir/p.svg"], 1,
             "segment: error: cannot write 'nodir/p.svg': the directory 'nodir' does not exist; create it or write elsewhere\n"),
        Case(["cluster", "mall.csv", "--k", "3", "--model", "x.json", "--centers", "x.json"], 2,
             "segment: error: --model and --centers both write 'x.json', so one would be lost; give each output its own file\nusage: segment cluster [options] [FILE]\nsee 'segment cluster --help'\n"),
        Case(["cluster", "mall.csv", "--k", "3", "-o", "/proc/x.csv"], 1,
             "segment: error: cannot write '/proc/x.csv': cannot create a file in '/proc' (No such file or directory); write elsewhere\n"),
        Case(["cluster", "mall.csv", "--k", "3", "-o", "/dev/full"], 1,
             "segment: error: cannot write '/dev/full': No space left on device\n"),
        Case(["cluster", "mall.csv", "--k", "3", "-o", "folder"], 1,
             "segment: error: cannot write 'folder': it is a directory; give a file name\n"),
    ]

    @Test("a clear error, the right status, nothing on standard output", arguments: cases)
    func hostileCase(_ testCase: Case) throws {
        let run = try SegmentRunner.run(testCase.arguments, in: Self.workspace)
        #expect(run.status == testCase.status)
        #expect(run.stderr == testCase.stderr)
        #expect(run.stdout == "")
    }

    /// The inputs are never touched, whatever the cases tried.
    @Test func theInputsAreUntouched() throws {
        for testCase in Self.cases { _ = try SegmentRunner.run(testCase.arguments, in: Self.workspace) }
        for (fixture, name) in [("purchases.csv", "p.csv"), ("mall_customers.csv", "mall.csv"), ("products.csv", "c.csv")] {
            let original = try Data(contentsOf: URL(fileURLWithPath: SegmentRunner.fixture(fixture)))
            #expect(try Data(contentsOf: Self.workspace.appendingPathComponent(name)) == original, "\(name)")
        }
    }
}
