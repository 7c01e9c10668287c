import Foundation
import Testing

/// `cluster --stability` and `elbow --criteria stability` through the binary.
@Suite struct StabilityEndToEndTests {
    static let mall = SegmentRunner.fixture("reference/gap_mall_scaled.csv")

    /// The mall segments at k = 5 are each highly stable (R's
    /// `fpc::clusterboot` gives 0.977–1 for them, `BootstrapStabilityTests`).
    @Test func clusterPrintsEachSegmentsStability() throws {
        let run = try SegmentRunner.run(["cluster", Self.mall, "--scale", "none", "--k", "5", "--stability", "--stability-b", "30"])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("bootstrap stability (mean Jaccard over 30 resamples") })
        #expect(line.components(separatedBy: "(highly stable)").count - 1 == 5, "\(line)")
        #expect(run.stderr.contains("mean stability 0.9"))
        // The rows are those of a run without --stability plus a `stability`
        // column: each row's segment value, which `profile` reports per segment.
        let plain = try SegmentRunner.run(["cluster", Self.mall, "--scale", "none", "--k", "5", "-q"]).stdout.split(separator: "\n")
        let scored = run.stdout.split(separator: "\n")
        #expect(scored.first == "x1,x2,segment,stability")
        #expect(scored.map { $0.split(separator: ",").dropLast().joined(separator: ",") } == plain.map(String.init))
        let profile = try SegmentRunner.run(["profile", "--format", "tsv"], input: run.stdout)
        #expect(profile.status == 0, "\(profile.stderr)")
        let header = try #require(profile.stdout.split(separator: "\n").first)
        #expect(header.hasPrefix("segment\tsize\tshare\tpersona\taction\tstability\tx1 mean"))
        let values = profile.stdout.split(separator: "\n").dropFirst().dropLast().map { $0.split(separator: "\t", omittingEmptySubsequences: false)[5] }
        #expect(values.count == 5 && values.allSatisfy { Double($0).map { $0 > 0.75 } ?? false }, "\(values)")
    }

    @Test func elbowAddsAStabilityColumnTheSameForAnyThreadCount() throws {
        let arguments = ["elbow", Self.mall, "--scale", "none", "--k-range", "2-5", "--criteria", "stability", "--stability-b", "10", "--format", "csv"]
        let run = try SegmentRunner.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n")
        #expect(rows.first == "k,inertia,silhouette,calinski_harabasz,davies_bouldin,stability")
        #expect(rows.dropFirst().allSatisfy { Double($0.split(separator: ",").last!).map { (0...1).contains($0) } ?? false })
        #expect(run.stderr.contains("highest stability: k="))
        #expect(try SegmentRunner.run(arguments + ["--threads", "1"]).stdout == run.stdout)
    }

    @Test(arguments: [
        (["cluster", "--k", "5", "--stability-b", "10"], "--stability-b applies only when stability is scored: add --stability", "cluster"),
        (["elbow", "--stability-b", "10"], "--stability-b applies only when stability is scored: add --criteria stability", "elbow"),
        (["cluster", "--k", "5", "--stability", "--stability-b", "0"], "--stability-b must be between 1 and 100000, got 0", "cluster"),
        (["cluster", "--algorithm", "dbscan", "--stability"],
         "option '--stability' does not apply to --algorithm dbscan (only to kmeans); drop it", "cluster"),
    ])
    func badStabilityOptionsAreUsageErrors(arguments: [String], message: String, command: String) throws {
        let run = try SegmentRunner.run([arguments[0], Self.mall] + arguments.dropFirst())
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "segment: error: \(message)\nusage: segment \(command) [options] [FILE]\nsee 'segment \(command) --help'\n")
    }
}
