import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// SciPy's linkage layout and the two ways of cutting it, on hand-computed cases.
@Suite struct LinkageMatrixTests {
    /// Four points on a line: 0, 1, 3, 7.
    static let line = Matrix([[0], [1], [3], [7]])

    @Test func singleLinkageByHand() throws {
        let tree = try Agglomerative(.init(linkage: .single, cut: .clusterCount(1))).fit(Self.line).linkage
        #expect(tree.merges == [
            .init(left: 0, right: 1, distance: 1, size: 2),
            .init(left: 2, right: 4, distance: 2, size: 3),
            .init(left: 3, right: 5, distance: 4, size: 4),
        ])
    }

    @Test func completeAndAverageByHand() throws {
        let complete = try Agglomerative(.init(linkage: .complete, cut: .clusterCount(1))).fit(Self.line).linkage
        #expect(complete.merges.map(\.distance) == [1, 3, 7])
        let average = try Agglomerative(.init(linkage: .average, cut: .clusterCount(1))).fit(Self.line).linkage
        #expect(average.merges.map(\.distance) == [1, 2.5, 17.0 / 3])
        #expect(average.merges.map(\.right) == [1, 4, 5])
    }

    @Test func wardByHand() throws {
        // {0,1}: sqrt(2·1·1/2)·1; then 3 joins (centroid 0.5, size 2): sqrt(4/3)·2.5;
        // then 7 joins (centroid 4/3, size 3): sqrt(6/4)·(7 − 4/3).
        let tree = try Agglomerative(.init(linkage: .ward, cut: .clusterCount(1))).fit(Self.line).linkage
        let expected = [1, (4.0 / 3).squareRoot() * 2.5, 1.5.squareRoot() * (7 - 4.0 / 3)]
        for (merge, height) in zip(tree.merges, expected) {
            #expect(abs(merge.distance - height) <= 1e-12 * height)
        }
        #expect(tree.merges.map(\.size) == [2, 3, 4])
    }

    @Test func cutByCountAndThreshold() throws {
        let tree = try Agglomerative(.init(linkage: .single, cut: .clusterCount(1))).fit(Self.line).linkage
        #expect(tree.labels(clusterCount: 2) == [0, 0, 0, 1])
        #expect(tree.labels(clusterCount: 3) == [0, 0, 1, 2])
        #expect(tree.labels(clusterCount: 4) == [0, 1, 2, 3])
        // scikit-learn: k = 1 + #{merges with height ≥ threshold}; a merge at exactly the threshold is not applied.
        #expect(tree.clusterCount(distanceThreshold: 4) == 2)
        #expect(tree.clusterCount(distanceThreshold: 4.5) == 1)
        #expect(tree.clusterCount(distanceThreshold: 0.5) == 4)
        let cut = try Agglomerative(.init(linkage: .single, cut: .distanceThreshold(1.5))).fit(Self.line).clustering
        #expect(cut.labels == [0, 0, 1, 2])
    }

    @Test func sortsMergesStablyAndRelabelsWithUnionFind() {
        // Found in chain order: (2,3) at 5, then (0,1) at 1, then (1,3) at 9.
        let tree = LinkageMatrix(pointCount: 4, slotMerges: [(2, 3, 5), (0, 1, 1), (1, 3, 9)])
        #expect(tree.merges == [
            .init(left: 0, right: 1, distance: 1, size: 2),
            .init(left: 2, right: 3, distance: 5, size: 2),
            .init(left: 4, right: 5, distance: 9, size: 4),
        ])
    }
}
