import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("Segment labels")
struct SegmentLabelsTests {
    @Test("cluster labels: segments 0..k-1, noise last, unclustered rows without a segment")
    func fromClustering() {
        let labels = SegmentLabels(clusterLabels: [1, 0, -1, nil, 0, 2])
        #expect(labels.keys == ["0", "1", "2", "-1"])
        #expect(labels.rows == [1, 0, 3, -1, 0, 2])
        #expect(labels.chartLabels == [1, 0, -1, nil, 0, 2])
        #expect(labels.origin == "the clustering")
    }

    @Test("a label column and the same clustering give the same profiles")
    func columnMatchesClustering() throws {
        let table = try ReportTestSupport.table("reference/mall_kmeans5_segments.csv")
        let column = table.columnIndex(named: "segment")!
        let fromColumn = SegmentLabels(table: table, labelColumn: column)
        let fromClustering = SegmentLabels(clusterLabels: table.columns[column].values!.map { Int($0) })
        #expect(fromColumn.keys == fromClustering.keys)
        #expect(fromColumn.rows == fromClustering.rows)
        let features = [table.columnIndex(named: "Age")!]
        let a = try ProfileBuilder.build(table: table, labels: fromColumn, featureColumns: features, categoryColumns: [])
        let b = try ProfileBuilder.build(table: table, labels: fromClustering, featureColumns: features, categoryColumns: [])
        #expect(a.segments == b.segments)
    }
}
