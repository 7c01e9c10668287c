import Foundation
import Testing

/// The report's answers to "is k right?", "would the segments come back?"
/// and "how do I tell a customer's segment?" (issue 20): the gap curve with
/// error bars beside the elbow and silhouette curves, a stability bar per
/// segment, and the rules table of `segment explain`.
@Suite struct ReportTrustTests {
    static let features = "Annual Income (k$),Spending Score (1-100)"

    @Test func gapStabilityAndRulesAreInTheReport() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let run = try SegmentRunner.run(["report", SegmentRunner.fixture("mall_customers.csv"), "--features", Self.features,
                                         "--k-range", "2-8", "--select", "gap", "--gap-rule", "globalSEmax", "--gap-b", "20",
                                         "--stability", "--stability-b", "20", "-o", "report.html"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Gap statistic (± 1 standard error)"))
        #expect(html.contains("<h2>Would the segments come back?</h2>"))
        #expect(html.contains("Bootstrap stability of each segment (mean Jaccard over 20 resamples)"))
        #expect(html.contains("<h2>Segments as rules</h2>"))
        #expect(html.contains("Annual Income (k$) &gt;= 69.5"))
    }

    /// Labelled input gets the rules too; a single segment has none to show.
    @Test func rulesNeedTwoSegments() throws {
        let one = try SegmentRunner.run(["report", "-"], input: "x,segment\n1,0\n2,0\n3,0\n")
        #expect(one.status == 0, "\(one.stderr)")
        #expect(!one.stdout.contains("Segments as rules"))
    }
}
