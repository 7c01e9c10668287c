import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("Report sections of a clustering run")
struct ClusteringReportTests {
    /// Three seeded blobs of 60 points in the plane, labelled by blob.
    static func blobs() -> (points: [[Double]], labels: [Int]) {
        var generator = SplitMix64(seed: 11)
        var points: [[Double]] = [], labels: [Int] = []
        for (label, center) in [(0.0, 0.0), (6.0, 0.0), (0.0, 6.0)].enumerated() {
            for _ in 0..<60 {
                points.append([center.0 + generator.nextUnitDouble() * 2, center.1 + generator.nextUnitDouble() * 2])
                labels.append(label)
            }
        }
        return (points, labels)
    }

    /// Income and spending of the mall fixture, unscaled.
    static func mallIncomeAndSpending() throws -> Matrix {
        let table = try ReportTestSupport.table("mall_customers.csv")
        let income = table.columns[table.columnIndex(named: "Annual Income (k$)")!].values!
        let spending = table.columns[table.columnIndex(named: "Spending Score (1-100)")!].values!
        return Matrix(zip(income, spending).map { [$0, $1] })
    }

    @Test("sample rows: every row up to the limit, else a seeded sorted sample without repeats")
    func sampleRows() {
        #expect(Silhouette.sampleRows(count: 5, maximumRows: 5, seed: 1) == [0, 1, 2, 3, 4])
        let sample = Silhouette.sampleRows(count: 100, maximumRows: 10, seed: 1)
        #expect(sample.count == 10)
        #expect(sample == sample.sorted())
        #expect(Set(sample).count == 10)
        #expect(sample.allSatisfy { (0..<100).contains($0) })
        #expect(Silhouette.sampleRows(count: 100, maximumRows: 10, seed: 1) == sample)
        #expect(Silhouette.sampleRows(count: 100, maximumRows: 10, seed: 2) != sample)
    }

    @Test("silhouette section: exact values on every row, or on the seeded sample with a note")
    func silhouette() throws {
        let (points, labels) = Self.blobs()
        let data = Matrix(points)
        let full = try #require(ClusteringReport.silhouette(data, labels: labels, seed: 0, threads: 2))
        #expect(full.note.isEmpty)
        let plain = plainSilhouetteSamples(points, labels: labels)
        #expect(full.plot.labels == labels)
        for (value, expected) in zip(full.plot.samples, plain) { #expect(abs(value - expected) <= 1e-12) }

        let sampled = try #require(ClusteringReport.silhouette(data, labels: labels, maximumRows: 40, seed: 3, threads: 2))
        let rows = Silhouette.sampleRows(count: 180, maximumRows: 40, seed: 3)
        #expect(sampled.note == "Shown for a random sample of 40 of the 180 clustered rows (seed 3); each value is exact against that sample.")
        #expect(sampled.plot.labels == rows.map { labels[$0] })
        let plainSample = plainSilhouetteSamples(rows.map { points[$0] }, labels: rows.map { labels[$0] })
        for (value, expected) in zip(sampled.plot.samples, plainSample) { #expect(abs(value - expected) <= 1e-12) }

        var noisy = labels
        noisy[0] = -1
        #expect(ClusteringReport.silhouette(data, labels: noisy, seed: 0)?.note == "Noise rows are left out.")
        #expect(ClusteringReport.silhouette(data, labels: [Int](repeating: 0, count: 180), seed: 0) == nil)
    }

    @Test("k selection on the mall fixture: chart from the fits, the choice explained")
    func kSelection() throws {
        let data = try Self.mallIncomeAndSpending()
        let selection = try KSelection.evaluate(data, range: 2...6, configuration: KMeans.Configuration(clusterCount: 2))
        let automatic = ClusteringReport.kSelection(selection, chosen: 5, criterion: .silhouette)
        #expect(automatic.chart.ks == [2, 3, 4, 5, 6])
        #expect(automatic.chart.inertia == selection.candidates.map(\.fit.inertia))
        #expect(automatic.chart.silhouette == selection.candidates.map(\.silhouette))
        #expect(automatic.chart.knee == selection.knee)
        #expect(automatic.chart.chosen == 5)
        #expect(automatic.explanation.hasPrefix("k = 5 was chosen by the highest mean silhouette."))
        #expect(automatic.explanation.contains("The mean silhouette is highest at k = 5 (0.554)."))
        let fixed = ClusteringReport.kSelection(selection, chosen: 4, criterion: nil)
        #expect(fixed.explanation.hasPrefix("k = 4 was chosen by the user."))
        #expect(fixed.explanation.hasSuffix("The curves over k = 2–6 show how the other choices compare."))
        #expect(ClusteringReport.kSelection(selection, chosen: 5, criterion: .daviesBouldin).explanation
            .hasPrefix("k = 5 was chosen by the lowest Davies–Bouldin index."))
    }

    @Test("evaluation section: metrics to four decimals, the holdout in words")
    func evaluationSection() {
        let rows = [HoldoutEvaluation.Row(method: .tfidf, metrics: RankingMetrics(precision: 0.123456, recall: 0.5, ndcg: 1.0 / 3, hitRate: 1, coverage: 0, customers: 3))]
        let section = RecommendationSection(evaluation: rows, k: 5, holdout: .random, topItems: [("0 · young", ["a", "b"])])
        #expect(section.evaluationHeader == ["method", "precision@5", "recall@5", "ndcg@5", "hit_rate@5", "coverage"])
        #expect(section.evaluationRows == [["tfidf", "0.1235", "0.5", "0.3333", "1", "0"]])
        #expect(section.evaluationNote.hasPrefix("Held-out evaluation: a random share of each customer's purchases is hidden"))
        #expect(section.topItems.map(\.segment) == ["0 · young"])
    }

    @Test("customer segments from row labels: noise and unlabelled rows left out, conflicting ids rejected")
    func customerSegments() throws {
        let table = try RecommendTestSupport.table("id,x\nc1,1\nc2,2\nc3,3\nc4,4\n")
        let labels = SegmentLabels(clusterLabels: [0, 1, -1, nil])
        let segments = try CustomerSegments(table: table, idColumn: 0, labels: labels)
        #expect(segments.segmentOfCustomer == ["c1": 0, "c2": 1])
        #expect(segments.labels == ["0", "1"])
        let duplicated = try RecommendTestSupport.table("id,x\nc1,1\nc1,2\n")
        #expect(throws: SegmentError.self) {
            try CustomerSegments(table: duplicated, idColumn: 0, labels: SegmentLabels(clusterLabels: [0, 1]))
        }
    }

    @Test("segment items: each segment's characteristic items, best first")
    func segmentItems() {
        // Customers 0 and 1 (segment 0) buy item 0, customer 0 also item 1; customers 2 and 3 (segment 1) buy item 2.
        let interactions = SparseMatrix(rowCount: 4, columnCount: 3, rows: [0, 0, 1, 2, 3], columns: [0, 1, 0, 2, 2], values: [1, 1, 1, 1, 1])
        let engine = RecommendationEngine(interactions: interactions, segmentOfCustomer: [0, 0, 1, 1], itemVectors: nil,
                                          configuration: RecommendationEngine.Configuration())
        #expect(engine.segmentItems(0, count: 5) == [0, 1])
        #expect(engine.segmentItems(0, count: 1) == [0])
        #expect(engine.segmentItems(1, count: 5) == [2])
        #expect(engine.segmentItems(2, count: 5) == [])
        let unsegmented = RecommendationEngine(interactions: interactions, segmentOfCustomer: nil, itemVectors: nil,
                                               configuration: RecommendationEngine.Configuration())
        #expect(unsegmented.segmentItems(0, count: 5) == [])
    }
}
