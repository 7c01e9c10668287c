import Foundation
import Testing

/// `segment clv` through the binary: the outputs, the pipe from `cluster`,
/// saved models, determinism, and every bad input of issue 17 as a clear
/// error (or, for a log without usable spends, a warning and empty value
/// columns) with the right exit status.
@Suite struct CLVCommandTests {
    static let transactions = SegmentRunner.fixture("transactions.csv")

    /// A scratch folder with small hostile logs.
    static let workspace: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-clv-\(getpid())-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) { try! Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        write("negative.csv", "customer,date,amount\na,2024-01-01,5\na,2024-02-01,-3\nb,2024-01-05,4\nb,2024-03-01,-1\nb,2024-04-01,2\n")
        write("text.csv", "customer,date,amount\na,2024-01-01,5\na,2024-02-01,n/a\nb,2024-01-05,oops\n")
        write("once.csv", "customer,date,amount\na,2024-01-01,5\nb,2024-01-05,4\nc,2024-02-05,4\n")
        return directory
    }()

    static func path(_ name: String) -> String { workspace.appendingPathComponent(name).path }

    @Test("per-customer output: the columns of CLI.md, one row per customer, no nan; the summary names the fit")
    func customers() throws {
        let result = try SegmentRunner.run(["clv", Self.transactions])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "customer_id,frequency,recency,T,monetary,p_alive,expected_purchases,expected_value,clv")
        #expect(lines.count == 201)
        #expect(!result.stdout.lowercased().contains("nan"))
        #expect(result.stderr.contains("clv: bg-nbd r "))
        #expect(result.stderr.contains("clv: gamma-gamma p "))
    }

    @Test("--evaluate prints actual vs predicted per calibration frequency 0..6, 7+ and a total")
    func evaluate() throws {
        let result = try SegmentRunner.run(["clv", Self.transactions, "--calibration-end", "2025-09-30", "--evaluate", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let labels = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(labels == ["0", "1", "2", "3", "4", "5", "6", "7+", "total"])
        // Totals as lifetimes' calibration_and_holdout_data gives them on this file: 145 actual, 122.57 predicted.
        #expect(result.stdout.contains("total,200,145,122.57,"))
        #expect(result.stderr.contains("clv: holdout 39 weeks: actual 145 transactions, predicted 122.6"))
        let ignored = try SegmentRunner.run(["clv", Self.transactions, "--calibration-end", "2025-09-30", "--evaluate", "--horizon", "10", "--margin", "0.3"])
        #expect(ignored.stderr.contains("segment: warning: --horizon, --margin do not apply to --evaluate"))
        #expect(ignored.status == 0 && ignored.stdout == result.stdout)
    }

    @Test("cluster | clv --segments - --by-segment: one row per segment whose shares add up to 1")
    func bySegment() throws {
        let clustered = try SegmentRunner.run(["cluster", SegmentRunner.fixture("mall_customers.csv"), "--features", "Annual Income (k$),Spending Score (1-100)", "--k", "5", "-q"])
        let result = try SegmentRunner.run(["clv", Self.transactions, "--segments", "-", "--by-segment", "--format", "csv"], input: clustered.stdout)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "segment,customers,share,total_clv,clv_share,mean_clv,mean_p_alive,expected_purchases,at_risk_share")
        #expect(lines.count == 6)
        let shares = lines.dropFirst().map { Double($0.split(separator: ",")[4])! }
        #expect(abs(shares.reduce(0, +) - 1) < 1e-3)
        let customers = lines.dropFirst().map { Int($0.split(separator: ",")[1])! }
        #expect(customers.reduce(0, +) == 200)
    }

    @Test("profile and report show each segment's customer value when the input has clv and p_alive")
    func profileAndReport() throws {
        let clustered = try SegmentRunner.run(["cluster", SegmentRunner.fixture("mall_customers.csv"), "--features", "Annual Income (k$),Spending Score (1-100)", "--k", "5", "-q"])
        let valued = try SegmentRunner.run(["clv", Self.transactions, "--segments", "-", "-q"], input: clustered.stdout)
        let bySegment = try SegmentRunner.run(["clv", Self.transactions, "--segments", "-", "--by-segment", "--format", "csv", "-q"], input: clustered.stdout)
        let profile = try SegmentRunner.run(["profile", "--format", "csv"], input: valued.stdout)
        #expect(profile.status == 0, "\(profile.stderr)")
        let header = profile.stdout.split(separator: "\n")[0]
        #expect(header.hasPrefix("segment,size,share,persona,action,total_clv,clv_share,mean_p_alive,frequency mean"))
        // The clv column is summarised, not described as a feature.
        #expect(!header.contains("clv mean"))
        // Segment 0's total and share agree with clv --by-segment.
        let profileRow = profile.stdout.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        let segmentRow = bySegment.stdout.split(separator: "\n")[1].split(separator: ",")
        #expect(abs(Double(profileRow[5])! - Double(segmentRow[3])!) < 0.01 * 200)
        #expect(abs(Double(profileRow[6])! - Double(segmentRow[4])!) < 1e-3)
        let report = Self.path("report-\(UUID().uuidString).html")
        let written = try SegmentRunner.run(["report", "-o", report, "-q"], input: valued.stdout)
        #expect(written.status == 0, "\(written.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Share of customers and share of lifetime value per segment"))
        #expect(html.contains("<th class=\"num\">CLV share</th>"))
    }

    @Test("a saved model scores the same log identically without refitting; the output is the same for 1 and 3 threads")
    func savedModelAndThreads() throws {
        let model = Self.path("model-\(UUID().uuidString).json")
        let fitted = try SegmentRunner.run(["clv", Self.transactions, "--discount-rate", "0.01", "--model-out", model, "--threads", "1"])
        let threaded = try SegmentRunner.run(["clv", Self.transactions, "--discount-rate", "0.01", "--threads", "3"])
        let scored = try SegmentRunner.run(["clv", Self.transactions, "--discount-rate", "0.01", "--model", model])
        #expect(fitted.status == 0 && scored.status == 0, "\(fitted.stderr) \(scored.stderr)")
        #expect(fitted.stdout == threaded.stdout)
        #expect(fitted.stdout == scored.stdout)
        let json = try String(contentsOfFile: model, encoding: .utf8)
        #expect(json.contains("\"kind\" : \"segment-clv\"") && json.contains("\"formatVersion\" : 1") && json.contains("\"calibrationEnd\" : \"2026-06-30\""))
        let wrongPeriod = try SegmentRunner.run(["clv", Self.transactions, "--model", model, "--period", "day"])
        #expect(wrongPeriod.status == 2)
        #expect(wrongPeriod.stderr.contains("differs from the saved model's period (week)"))
    }

    @Test("YYYYMMDD dates and a dollar_value amount column (CDNOW's layout) give the same forecast as ISO dates")
    func compactDates() throws {
        let text = try String(contentsOfFile: Self.transactions, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let converted = ["customer_id,date,dollar_value"] + lines.dropFirst().map { $0.replacingOccurrences(of: "-", with: "") }
        let path = Self.path("compact-\(UUID().uuidString).csv")
        try Data((converted.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let compact = try SegmentRunner.run(["clv", path])
        let iso = try SegmentRunner.run(["clv", Self.transactions])
        #expect(compact.status == 0, "\(compact.stderr)")
        #expect(compact.stdout == iso.stdout)
    }

    @Test("no usable spend: a warning and empty value columns, purchases still forecast")
    func noSpendModel() throws {
        let text = try String(contentsOfFile: Self.transactions, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        lines = [lines[0]] + lines.dropFirst().map { line in
            var fields = line.split(separator: ",").map(String.init)
            fields[2] = "0"
            return fields.joined(separator: ",")
        }
        let path = Self.path("zero-\(UUID().uuidString).csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let result = try SegmentRunner.run(["clv", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Gamma-Gamma cannot be fitted: no customer has a repeat purchase with a positive amount"))
        let row = result.stdout.split(separator: "\n")[1]
        #expect(row.hasSuffix(",,"))
    }

    /// One bad invocation: exit status and a phrase of the message.
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["clv", transactions, "--calibration-end", "2020-01-01"], status: 2,
             message: "--calibration-end 2020-01-01 comes before the first purchase (2025-01-01)"),
        Case(arguments: ["clv", transactions, "--evaluate"], status: 2, message: "--evaluate needs --calibration-end DATE"),
        Case(arguments: ["clv", transactions, "--evaluate", "--calibration-end", "2026-06-30"], status: 2,
             message: "but there is none after 2026-06-30"),
        Case(arguments: ["clv", path("negative.csv")], status: 1,
             message: "negative.csv:3 column 'amount': expected an amount of 0 or more, found -3; 2 of 5 rows in column 'amount' are negative"),
        Case(arguments: ["clv", path("text.csv")], status: 1,
             message: "text.csv:3 column 'amount': expected a number, found 'n/a'; 2 of 3 rows in column 'amount' are not numbers"),
        Case(arguments: ["clv", path("once.csv")], status: 1, message: "no customer bought again within the calibration window"),
        Case(arguments: ["clv", SegmentRunner.fixture("purchases.csv")], status: 1, message: "the bg-nbd fit ran to the edge of its parameters"),
        Case(arguments: ["clv", transactions, "--model", "bgnbd"], status: 2,
             message: "--model expects bg-nbd, pareto-nbd or a model file saved with --model-out; 'bgnbd' is neither"),
        Case(arguments: ["clv", transactions, "--model", SegmentRunner.fixture("reference/kmeans_mall.json")], status: 1,
             message: "not a customer-value model"),
        Case(arguments: ["clv", transactions, "--by-segment"], status: 2, message: "--by-segment applies to --segments"),
        Case(arguments: ["clv", transactions, "--evaluate", "--calibration-end", "2025-09-30", "--segments", transactions], status: 2,
             message: "--segments labels the per-customer or per-segment output, which --evaluate replaces"),
        Case(arguments: ["clv", transactions, "--calibration-end", "2025-13-01"], status: 2,
             message: "--calibration-end expects a date YYYY-MM-DD or YYYYMMDD, got '2025-13-01'"),
    ]

    @Test("bad input: a clear message on standard error, nothing on standard output", arguments: cases)
    func badInput(_ item: Case) throws {
        let result = try SegmentRunner.run(item.arguments)
        #expect(result.status == item.status, "\(result.stderr)")
        #expect(result.stderr.contains(item.message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
