import Foundation
import Testing

/// `elbow --criteria gap` and `cluster --select gap` through the binary, on
/// three well-separated blobs (`Fixtures/reference/gap_blobs3.csv`, made by
/// `bench/reference/gap_reference.R`; R's `clusGap` chooses k = 3 there).
@Suite struct GapStatisticEndToEndTests {
    static let blobs = SegmentRunner.fixture("reference/gap_blobs3.csv")

    @Test func elbowAddsTheGapColumnsAndNamesTheChoice() throws {
        let arguments = ["elbow", Self.blobs, "--scale", "none", "--k-range", "1-6", "--criteria", "gap", "--gap-b", "20", "--format", "csv"]
        let run = try SegmentRunner.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n")
        #expect(rows.first == "k,inertia,silhouette,calinski_harabasz,davies_bouldin,gap,gap_se")
        #expect(rows.count == 7)
        #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 7 })
        #expect(run.stderr.contains("gap statistic (firstSEmax, B=20): k=3 (gap "))
        // The same values on one thread and on three.
        for threads in ["1", "3"] {
            #expect(try SegmentRunner.run(arguments + ["--threads", threads]).stdout == run.stdout, "--threads \(threads)")
        }
    }

    @Test func clusterSelectGapTakesTheGapsK() throws {
        let run = try SegmentRunner.run(["cluster", Self.blobs, "--scale", "none", "--k-range", "1-6", "--select", "gap", "--gap-b", "20"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("--k auto --select gap takes k=3 over k=1..6"))
        #expect(Set(run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").last! }) == ["0", "1", "2"])
    }

    @Test(arguments: [
        (["elbow", "--gap-b", "0"], "--gap-b must be between 1 and 100000, got 0", "elbow"),
        (["elbow", "--gap-b", "10"], "--gap-b applies only when the gap statistic is computed: add --criteria gap", "elbow"),
        (["cluster", "--gap-rule", "globalmax"], "--gap-rule applies only when the gap statistic is computed: add --select gap", "cluster"),
        (["elbow", "--criteria", "gap,stable"], "--criteria expects a list of: gap, stability; got 'stable'", "elbow"),
        (["elbow", "--criteria", "bogus"], "--criteria expects a list of: gap, stability; got 'bogus'", "elbow"),
        (["cluster", "--select", "gap", "--gap-rule", "best"],
         "invalid value 'best' for '--gap-rule'; expected one of: firstSEmax, Tibs2001SEmax, globalSEmax, firstmax, globalmax", "cluster"),
    ])
    func badGapOptionsAreUsageErrors(arguments: [String], message: String, command: String) throws {
        let run = try SegmentRunner.run([arguments[0], Self.blobs] + arguments.dropFirst())
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "segment: error: \(message)\nusage: segment \(command) [options] [FILE]\nsee 'segment \(command) --help'\n")
    }
}
