import Foundation
import Testing

/// `segment cluster --algorithm agglomerative|dbscan|birch` run as a user runs it.
@Suite struct ClusterHierarchicalTests {
    static let mall = SegmentRunner.fixture("mall_customers.csv")
    static let incomeAndSpending = ["--features", "Annual Income (k$),Spending Score (1-100)", "--scale", "none"]

    @Test func wardWritesLabelsAndLinkageMatrix() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-hier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tree = directory.appendingPathComponent("tree.csv").path
        let result = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "agglomerative", "--k", "5", "--linkage-out", tree]
                                           + Self.incomeAndSpending)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100),segment")
        #expect(lines.count == 201)
        #expect(lines[1] == "1,Male,19,15,39,3")
        #expect(result.stderr == "agglomerative: k=5, 200 rows; sizes 85, 39, 32, 23, 21\nsilhouette 0.553; cut height 113.886\n")
        let treeLines = try String(contentsOfFile: tree, encoding: .utf8).split(separator: "\n")
        #expect(treeLines.first == "left,right,distance,size")
        #expect(treeLines.count == 200)
        // scipy.cluster.hierarchy.linkage(X, "ward")[-1] == [396, 397, 405.66004104, 200].
        #expect(treeLines.last == "396,397,405.6600410421901,200")
    }

    @Test func dbscanReportsAutomaticEps() throws {
        let result = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "dbscan", "--min-samples", "4"] + Self.incomeAndSpending)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("dbscan: eps auto = 8.06226 (knee of the sorted 4-nearest-neighbour distances)\n"))
        let labels = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").last! }
        #expect(labels.contains("-1"))
    }

    @Test func dbscanWithFixedEpsMatchesScikitLearnSizes() throws {
        // scikit-learn DBSCAN(eps=9, min_samples=4): sizes 89 32 23 17 12 7 4, 16 noise (Fixtures/reference/dbscan.json).
        let result = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "dbscan", "--eps", "9", "--min-samples", "4"]
                                           + Self.incomeAndSpending)
        #expect(result.status == 0)
        #expect(result.stderr == "dbscan: k=7, 200 rows; sizes 89, 32, 23, 17, 12, 7, 4; noise 16\nsilhouette 0.5104; eps 9\n")
    }

    @Test func birchGlobalStep() throws {
        let result = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "birch", "--threshold", "3", "--k", "5"]
                                           + Self.incomeAndSpending)
        #expect(result.status == 0)
        #expect(result.stderr == "birch: k=5, 200 rows; sizes 85, 39, 32, 23, 21\nsilhouette 0.553; subclusters 70\n")
    }

    static let usageErrors: [([String], String)] = [
        (["--algorithm", "agglomerative"], "agglomerative clustering needs --k N or --distance-threshold X"),
        (["--algorithm", "agglomerative", "--k", "3", "--distance-threshold", "2"], "give either --k or --distance-threshold, not both"),
        (["--algorithm", "agglomerative", "--k", "3", "--max-memory", "lots"], "--max-memory expects a size such as 512M or 4G, got 'lots'"),
        (["--algorithm", "dbscan", "--eps", "-1"], "--eps must be greater than 0, got -1"),
        (["--algorithm", "dbscan", "--min-samples", "0"], "--min-samples must be at least 1, got 0"),
        (["--algorithm", "birch", "--branching-factor", "1"], "--branching-factor must be at least 2, got 1"),
    ]

    @Test(arguments: usageErrors)
    func usageErrorsExitTwo(_ arguments: [String], _ message: String) throws {
        let result = try SegmentRunner.run(["cluster", Self.mall] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr == "segment: error: \(message)\nusage: segment cluster [options] [FILE]\nsee 'segment cluster --help'\n")
    }

    @Test func refusesDistanceMatrixOverMemoryLimit() throws {
        let result = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "agglomerative", "--linkage", "complete", "--k", "3", "--max-memory", "1K"])
        #expect(result.status == 2)
        #expect(result.stderr == "segment: error: complete linkage on 200 rows needs the condensed distance matrix, about 164.8 KiB, "
            + "more than the 1.0 KiB allowed (--max-memory, default: available memory); use --linkage ward or single "
            + "(memory grows linearly with the rows), sample the rows, try --algorithm birch or kmeans, or raise --max-memory\n")
    }
}
