import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("RankingMetrics")
struct RankingMetricsTests {
    @Test("precision, recall, nDCG, hit rate and coverage computed by hand")
    func handComputed() {
        // Customer A: list [1, 2, 3, 4], relevant {2, 5}: one hit at rank 2.
        // Customer B: list [5, 6, 7, 8], relevant {9}: no hit.
        let metrics = RankingMetrics.evaluate(lists: [[1, 2, 3, 4], [5, 6, 7, 8]], relevant: [[2, 5], [9]], k: 4, itemCount: 16)
        let ndcgA = (1 / log2(3.0)) / (1 + 1 / log2(3.0))
        #expect(metrics.precision == (0.25 + 0) / 2)
        #expect(metrics.recall == (0.5 + 0) / 2)
        #expect(abs(metrics.ndcg - ndcgA / 2) < 1e-15)
        #expect(metrics.hitRate == 0.5)
        #expect(metrics.coverage == 8.0 / 16.0)
        #expect(metrics.customers == 2)
    }

    @Test("k cuts the list; a perfect list has nDCG 1; short lists count against precision")
    func cutOff() {
        let perfect = RankingMetrics.evaluate(lists: [[3, 1, 9]], relevant: [[1, 3]], k: 2, itemCount: 10)
        #expect(perfect.precision == 1 && perfect.recall == 1 && perfect.ndcg == 1 && perfect.coverage == 0.2)
        let short = RankingMetrics.evaluate(lists: [[4]], relevant: [[4]], k: 5, itemCount: 10)
        #expect(short.precision == 0.2 && short.recall == 1 && short.ndcg == 1)
    }
}

@Suite("HoldoutEvaluation")
struct HoldoutEvaluationTests {
    static let csv = """
        customer_id,product_id,date
        1,a,2024-01-05
        1,b,2024-01-01
        1,c,2024-01-09
        1,d,2024-01-03
        1,e,2024-01-07
        2,a,2024-02-01
        2,a,2024-02-02
        3,z,2024-03-01
        """

    @Test("last holds out each customer's latest purchases; re-bought items and single-purchase customers are skipped")
    func lastHoldout() throws {
        let log = try RecommendTestSupport.log(Self.csv)
        let split = try HoldoutEvaluation.split(log, strategy: .last, testFraction: 0.4, seed: 0)
        // Customer 1: 5 purchases, h = round(2) = 2 latest: c (01-09), e (01-07).
        #expect(split.customers == [0])
        #expect(split.heldOutItems[0].map { log.items[Int($0)] } == ["c", "e"])
        #expect(split.isTraining == [true, true, false, true, false, true, false, true])
    }

    @Test("random holdout depends only on the seed")
    func randomHoldout() throws {
        let log = try RecommendTestSupport.log(Self.csv)
        let a = try HoldoutEvaluation.split(log, strategy: .random, testFraction: 0.4, seed: 7)
        let b = try HoldoutEvaluation.split(log, strategy: .random, testFraction: 0.4, seed: 7)
        #expect(a.isTraining == b.isTraining)
        #expect(a.isTraining.filter { !$0 }.count == 3)
    }

    @Test("last without dates is a usage error")
    func needsDates() throws {
        let log = try RecommendTestSupport.log("customer_id,product_id\n1,a\n1,b\n")
        #expect(throws: ParameterError("holdout", "\(parameter: "holdout") last needs purchase dates, but no date column was found; name it with \(parameter: "date-column") or use \(parameter: "holdout") random")) {
            try HoldoutEvaluation.split(log, strategy: .last, testFraction: 0.2, seed: 0)
        }
    }

    @Test("on the fixtures, tfidf, segment and hybrid beat popular on precision@10")
    func fixturesBeatPopular() throws {
        let (log, engine) = try RecommendationEngineTests.fixtureEngine()
        let split = try HoldoutEvaluation.split(log, strategy: .last, testFraction: 0.2, seed: 0)
        let rows = HoldoutEvaluation.evaluate(log, split: split, weight: .quantity, segmentOfCustomer: engine.segmentOfCustomer,
                                              itemVectors: engine.content?.itemVectors, configuration: engine.configuration)
        let precision = Dictionary(uniqueKeysWithValues: rows.map { ($0.method, $0.metrics.precision) })
        let popular = try #require(precision[.popular])
        for method in [RecommendationMethod.tfidf, .segment, .hybrid] {
            #expect(try #require(precision[method]) > 1.3 * popular, "\(method)")
        }
        #expect(try #require(precision[.random]) < popular)
    }
}
