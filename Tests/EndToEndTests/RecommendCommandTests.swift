import Foundation
import Testing

@Suite("segment recommend and rfm, end to end")
struct RecommendCommandTests {
    /// The mall file plus a `segment` column from income/spending thresholds
    /// (what `segment cluster` would add; computed here, not by cluster).
    static func segmentsCSV() throws -> String {
        let mall = try String(contentsOfFile: SegmentRunner.fixture("mall_customers.csv"), encoding: .utf8)
        var lines = mall.split(separator: "\n").map(String.init)
        lines[0] += ",segment"
        for index in 1..<lines.count {
            let fields = lines[index].split(separator: ",")
            let income = Int(fields[3])!, spending = Int(fields[4])!
            let label = income >= 70 ? (spending >= 60 ? 1 : spending < 40 ? 2 : 0) : income < 40 ? (spending >= 60 ? 3 : spending < 40 ? 4 : 0) : 0
            lines[index] += ",\(label)"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let purchases = SegmentRunner.fixture("purchases.csv")
    static let catalog = SegmentRunner.fixture("products.csv")

    /// Issue 23, defect 2: a purchase weight of exactly 0 (after TF-IDF, a
    /// quantity of 1/e gives log weight 0) or a profile overflowing to
    /// infinity (quantity 1e308 twice) made the score accumulators list an
    /// item twice and overrun their buffer (SIGILL). (One item's quantities
    /// adding up past the largest number is now refused, below; two items of
    /// 1e308 each still overflow the customer's profile.) Every customer must get
    /// a list of distinct items (full for knn, which draws on the whole
    /// catalog, except for the overflowing profile, which falls back to the
    /// log's popular items; the others may run out of the log's four items).
    @Test("zero and overflowing purchase weights never crash", arguments: ["knn", "hybrid", "tfidf", "segment", "popular"])
    func zeroAndOverflowingWeights(method: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let logs = [
            "zero": "customer_id,product_id,quantity\n1,P001,0.36787944117144233\n1,P002,1\n2,P003,1\n3,P004,2\n",
            "overflow": "customer_id,product_id,quantity\n1,P001,1e308\n1,P002,1e308\n1,P005,1\n2,P003,1\n3,P004,2\n",
            "negative": "customer_id,product_id,quantity\n1,P001,2\n1,P002,-2\n2,P001,1\n2,P003,1\n3,P004,2\n",
        ]
        let segments = "customer_id,segment\n1,0\n2,0\n3,1\n"
        try Data(segments.utf8).write(to: directory.appendingPathComponent("segments.csv"))
        for (name, log) in logs {
            let path = directory.appendingPathComponent("\(name).csv")
            try Data(log.utf8).write(to: path)
            let result = try SegmentRunner.run(["recommend", "--purchases", path.path, "--catalog", Self.catalog,
                                                "--segments", directory.appendingPathComponent("segments.csv").path,
                                                "--method", method, "--top", "3"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let rows = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            for customer in ["1", "2", "3"] {
                let items = rows.filter { $0[0] == customer }.map { $0[2] }
                let full = method == "knn" && name != "overflow" ? items.count == 3 : (1...3).contains(items.count)
                #expect(full && Set(items).count == items.count, "\(name) \(method) customer \(customer): \(items)")
            }
        }
    }

    /// One customer's quantities of one item adding up past the largest
    /// number would make every score infinite: a data error naming them.
    @Test func anOverflowingQuantitySumIsAnError() throws {
        let log = "customer_id,product_id,quantity\n1,P001,1e308\n1,P001,1e308\n2,P002,1\n"
        let result = try SegmentRunner.run(["recommend", "--purchases", "-"], input: log)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "segment: error: <stdin>: customer '1' bought item 'P001' in quantities that add up to more than the largest representable number (about 1.8e308); divide the quantity column by a large constant\n")
    }

    @Test("the pipe works for every method: header, full lists, never a purchased item",
          arguments: ["tfidf", "knn", "segment", "popular", "hybrid"])
    func pipe(method: String) throws {
        let result = try SegmentRunner.run(["recommend", "--segments", "-", "--purchases", Self.purchases, "--catalog", Self.catalog,
                                            "--method", method, "--top", "5"], input: try Self.segmentsCSV())
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["customer", "rank", "item", "score", "method"])
        #expect(rows.count == 1 + 200 * 5)
        let log = try String(contentsOfFile: Self.purchases, encoding: .utf8).split(separator: "\n").dropFirst()
        let bought = Set(log.map { line -> String in let f = line.split(separator: ","); return "\(f[0]),\(f[1])" })
        for row in rows.dropFirst() {
            #expect(!bought.contains("\(row[0]),\(row[2])"), "customer \(row[0]) was recommended \(row[2]) again")
        }
        // Customer 20 has no purchases but a segment: cold start.
        #expect(rows.contains { $0[0] == "20" && $0[4] == "segment" })
        #expect(rows.dropFirst().allSatisfy { [method, "popular", "segment"].contains($0[4]) })
    }

    @Test("--evaluate prints every method and the baselines; tfidf, segment and hybrid beat popular")
    func evaluate() throws {
        let result = try SegmentRunner.run(["recommend", "--segments", "-", "--purchases", Self.purchases, "--catalog", Self.catalog,
                                            "--evaluate", "--format", "csv"], input: try Self.segmentsCSV())
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "method,precision@10,recall@10,ndcg@10,hit_rate@10,coverage")
        var precision: [String: Double] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",")
            precision[String(fields[0])] = Double(fields[1])
        }
        #expect(Set(precision.keys) == ["tfidf", "knn", "segment", "hybrid", "popular", "random"])
        for method in ["tfidf", "segment", "hybrid"] { #expect(precision[method]! > 1.3 * precision["popular"]!, "\(method)") }
    }

    @Test("ids stay text: 007 and 7 are different customers")
    func idsStayText() throws {
        let csv = "user_id,sku,qty\n007,a,1\n007,b,1\n7,a,1\n7,c,1\n8,b,2\n"
        let result = try SegmentRunner.run(["recommend", "--purchases", "-", "--method", "popular", "--top", "1"], input: csv)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "customer,rank,item,score,method\n7,1,b,0.666667,popular\n007,1,c,0.333333,popular\n8,1,a,0.666667,popular\n")
    }

    @Test("usage errors", arguments: [
        (["recommend"], "segment: error: missing --purchases FILE: the purchase log is required"),
        (["recommend", "--purchases", purchases, "--method", "knn"], "segment: error: --method knn needs the product catalog: add --catalog FILE"),
        (["recommend", "--purchases", purchases, "--method", "segment"], "segment: error: --method segment needs customer segments: add --segments FILE (for example the output of segment cluster)"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try SegmentRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message + "\n"))
    }

    @Test("a log without a recognisable item column is a clear error listing the columns")
    func missingItemColumn() throws {
        let result = try SegmentRunner.run(["recommend", "--purchases", "-"], input: "customer_id,thing\n1,a\n")
        #expect(result.status == 2)
        #expect(result.stderr == "segment: error: <stdin>: cannot tell which column holds the item id; name it with --item-column (columns: customer_id, thing)\n")
    }

    @Test("rfm writes one row per customer and pipes into the next command")
    func rfm() throws {
        let result = try SegmentRunner.run(["rfm", Self.purchases, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment")
        #expect(lines.count == 1 + 190)
        let inspect = try SegmentRunner.run(["inspect", "--format", "csv"], input: result.stdout)
        #expect(inspect.status == 0)
    }

    @Test("rfm --as-of shifts recency; a bad date is a usage error")
    func rfmAsOf() throws {
        let csv = "customer_id,date,amount\nA,2024-01-01,10\nA,2024-01-11,5\nB,2024-01-05,7\n"
        let result = try SegmentRunner.run(["rfm", "-", "--as-of", "2024-01-21", "-q"], input: csv)
        #expect(result.stdout.split(separator: "\n").dropFirst().map(String.init) == [
            "A,10,2,15,5,5,5,champions", "B,16,1,7,1,1,1,lost"])
        let bad = try SegmentRunner.run(["rfm", "-", "--as-of", "yesterday"], input: csv)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("segment: error: --as-of expects a date YYYY-MM-DD, got 'yesterday'\n"))
    }
}
