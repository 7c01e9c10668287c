import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("RFM")
struct RFMTests {
    @Test("quintiles of ranks 1...10 as pandas qcut(rank(method='first'), 5)")
    func quintiles() {
        // Edges 1, 2.8, 4.6, 6.4, 8.2, 10: ranks 1-2 → 1, 3-4 → 2, ..., 9-10 → 5.
        #expect(RFMTable.quintiles(of: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]) == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1])
        // Ties ranked by position (method="first").
        #expect(RFMTable.quintiles(of: [1, 1, 1, 1, 1]) == [1, 2, 3, 4, 5])
    }

    @Test("named segments follow the R/F map")
    func names() {
        #expect(RFMTable.segmentName(recency: 5, frequency: 5) == "champions")
        #expect(RFMTable.segmentName(recency: 1, frequency: 1) == "lost")
        #expect(RFMTable.segmentName(recency: 2, frequency: 1) == "hibernating")
        #expect(RFMTable.segmentName(recency: 1, frequency: 5) == "can't lose them")
        #expect(RFMTable.segmentName(recency: 2, frequency: 3) == "at risk")
        #expect(RFMTable.segmentName(recency: 5, frequency: 1) == "new customers")
        #expect(RFMTable.segmentName(recency: 4, frequency: 4) == "loyal customers")
    }

    /// Reference: Fixtures/reference/rfm.json, computed with pandas 3.1.1 by
    /// bench/reference/make_rfm_reference.py (groupby + qcut on rank(method="first")).
    @Test("matches the pandas reference on the fixture purchases", arguments: ["default", "as_of_2026_03_01"])
    func matchesPandas(case name: String) throws {
        let url = RecommendTestSupport.fixtures.appendingPathComponent("reference/rfm.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let reference = try #require(json[name] as? [String: Any])
        let table = try RecommendTestSupport.fixture("purchases.csv")
        let columns = try PurchaseColumns.resolve(.init(), in: table, requireItem: false)
        let log = try PurchaseLog(table: table, columns: columns)
        var asOf: Double? = nil
        if name != "default" {
            var text = try #require(reference["as_of"] as? String)
            asOf = try #require(text.withUTF8 { CellParsing.parseDate($0) }) / 86_400
        }
        let rfm = try RFMTable(log: log, asOf: asOf)
        #expect(rfm.customers == reference["customer_id"] as? [String])
        #expect(rfm.recencyDays.map { Int($0) } == reference["recency_days"] as? [Int])
        #expect(rfm.frequency == reference["frequency"] as? [Int])
        let monetary = try #require(reference["monetary"] as? [Double])
        #expect(zip(rfm.monetary, monetary).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(rfm.recencyScores == reference["r_score"] as? [Int])
        #expect(rfm.frequencyScores == reference["f_score"] as? [Int])
        #expect(rfm.monetaryScores == reference["m_score"] as? [Int])
    }
}
