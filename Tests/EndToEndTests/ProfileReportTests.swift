import Foundation
import Testing

/// End-to-end runs of `segment profile` and `segment report` on the mall
/// fixture labelled with scikit-learn's k = 5 k-means segments
/// (Fixtures/reference/mall_kmeans5_segments.csv, see make_profile_reference.py).
@Suite("profile and report commands")
struct ProfileReportTests {
    static let labelled = SegmentRunner.fixture("reference/mall_kmeans5_segments.csv")

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("segment-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("profile on income and spending: sizes, pandas means, five distinct personas")
    func profileCSV() throws {
        let result = try SegmentRunner.run(["profile", Self.labelled, "--features", "Annual Income (k$),Spending Score (1-100)"])
        #expect(result.status == 0)
        #expect(result.stderr == "\(Self.labelled): 5 segments, 200 labelled rows\n")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "segment,size,share,persona,action,Annual Income (k$) mean,Annual Income (k$) median,Annual Income (k$) diff (sd),Spending Score (1-100) mean,Spending Score (1-100) median,Spending Score (1-100) diff (sd)")
        #expect(lines.count == 7)
        #expect(lines[3].hasPrefix("2,35,0.175,high income · low spending,premium upsell and feedback survey,88.2,85,"))
        #expect(lines[6].hasPrefix("all,200,1,everyone,,60.56,61.5,0,50.2,50,0"))
        let personas = lines[1...5].map { $0.split(separator: ",")[3] }
        #expect(Set(personas).count == 5)
    }

    @Test("profile reads standard input and writes JSON and Markdown")
    func profileFormats() throws {
        let input = try String(contentsOfFile: Self.labelled, encoding: .utf8)
        let json = try SegmentRunner.run(["profile", "--format", "json", "-q"], input: input)
        #expect(json.status == 0)
        #expect(json.stderr.isEmpty)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(rows.count == 6)
        #expect(rows[0]["Age mean"] as? Double == 3460.0 / 81)
        #expect(rows[0]["Gender=Female"] as? Double == 48.0 / 81)
        let markdown = try SegmentRunner.run(["profile", "--format", "markdown", "-q", "-"], input: input)
        #expect(markdown.stdout.contains("| 2 | 35 | 17.5% | high income · low spending | premium upsell and feedback survey |"))
    }

    @Test("profile errors: no label column, unknown feature, text feature", arguments: [
        (["profile", SegmentRunner.fixture("mall_customers.csv")], Int32(2),
         "segment: error: \(SegmentRunner.fixture("mall_customers.csv")) has no column 'segment'; label it first with 'segment cluster', or name the label column with --label-column (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100))\n"),
        (["profile", labelled, "--features", "Agee"], Int32(2),
         "segment: error: --features: no column named 'Agee'; did you mean 'Age'? (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100), segment)\n"),
        (["profile", labelled, "--features", "Age,segment"], Int32(2),
         "segment: error: --features: 'segment' is the label column; leave it out\n"),
    ])
    func profileErrors(arguments: [String], status: Int32, message: String) throws {
        let result = try SegmentRunner.run(arguments)
        #expect(result.status == status)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
    }

    @Test("report: self-contained HTML with charts and every segment, byte-identical on a rerun")
    func report() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.html").path
        let second = directory.appendingPathComponent("b.html").path
        let linkage = directory.appendingPathComponent("merges.csv")
        try "left,right,distance,size\n0,1,1,2\n2,3,2,2\n5,6,3,4\n4,7,4,5\n".write(to: linkage, atomically: true, encoding: .utf8)
        for path in [first, second] {
            let result = try SegmentRunner.run(["report", Self.labelled, "--linkage-in", linkage.path, "-o", path])
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "\(path): report with 5 segments and 4 charts\n")
        }
        let html = try String(contentsOfFile: first, encoding: .utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        for segment in 0..<5 { #expect(html.contains(">segment \(segment)</th>")) }
        #expect(html.contains("<strong>high income · low spending</strong>"))
        #expect(html.contains("PC1 ("))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("href="))
    }

    @Test("report: a bad linkage file names the line and column")
    func badLinkage() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let linkage = directory.appendingPathComponent("merges.csv")
        try "left,right,distance,size\n0,1,1,2\n2,9,2,2\n".write(to: linkage, atomically: true, encoding: .utf8)
        let result = try SegmentRunner.run(["report", Self.labelled, "--linkage-in", linkage.path, "-o", directory.appendingPathComponent("r.html").path])
        #expect(result.status == 1)
        #expect(result.stderr == "segment: error: \(linkage.path):3 column 'right': cluster id 9 is not formed before this merge (ids must be below 4)\n")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("r.html").path))
    }

    @Test("report: HTML on standard output when piped; a linkage file without its columns is an error")
    func reportToStandardOutput() throws {
        let result = try SegmentRunner.run(["report", Self.labelled, "-q", "--title", "Mall <k=5>", "--features", "Annual Income (k$),Spending Score (1-100)"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.contains("<h1>Mall &lt;k=5&gt;</h1>"))
        #expect(result.stdout.contains(">Segments by Annual Income (k$) and Spending Score (1-100)</text>"))

        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let linkage = directory.appendingPathComponent("merges.csv")
        try "a,b\n0,1\n".write(to: linkage, atomically: true, encoding: .utf8)
        let bad = try SegmentRunner.run(["report", Self.labelled, "--linkage-in", linkage.path])
        #expect(bad.status == 1)
        #expect(bad.stderr == "segment: error: \(linkage.path): a linkage file needs the columns left,right,distance,size (found: a,b)\n")
    }
}
