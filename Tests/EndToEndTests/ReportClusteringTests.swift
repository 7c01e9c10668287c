import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// End-to-end runs of `segment report` clustering the mall fixture itself,
/// `segment elbow --plot`, and the `cluster | profile` pipe.
@Suite("report clustering the rows, elbow --plot, cluster | profile")
struct ReportClusteringTests {
    static let mall = SegmentRunner.fixture("mall_customers.csv")
    static let incomeAndSpending = ["--features", "Annual Income (k$),Spending Score (1-100)", "--scale", "none"]

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("segment-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every `<svg …>…</svg>` element of `html`.
    static func svgElements(_ html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// Whether `text` is well-formed XML (Foundation's parser).
    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    /// The structural checks every report must pass: at least `charts` well-formed
    /// SVG charts, every segment in the profile table and the silhouette plot,
    /// the high-income low-spending persona, and nothing fetched or run.
    static func checkStructure(_ html: String, charts: Int) {
        let svgs = svgElements(html)
        #expect(svgs.count == charts)
        #expect(svgs.count >= 4)
        for svg in svgs { #expect(isWellFormed(svg)) }
        for segment in 0..<5 {
            #expect(html.contains(">segment \(segment)</th>"))
            #expect(html.contains(">Segment \(segment)</text>"))
        }
        #expect(html.contains("<strong>high income · low spending</strong>"))
        let lower = html.lowercased()
        #expect(!lower.contains("<script"))
        #expect(!lower.contains("url("))
        #expect(!lower.contains("href="))
        #expect(!lower.contains("src="))
        #expect(lower.components(separatedBy: "http").count - 1 == svgs.count)  // only xmlns="http://www.w3.org/2000/svg"
        #expect(lower.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1 == svgs.count)
    }

    /// Runs `report` with `arguments` into a fresh file and returns the file's bytes and stderr.
    static func report(_ arguments: [String], in directory: URL, name: String) throws -> (data: Data, stderr: String) {
        let path = directory.appendingPathComponent(name).path
        let result = try SegmentRunner.run(["report"] + arguments + ["-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        return (try Data(contentsOf: URL(fileURLWithPath: path)), result.stderr)
    }

    @Test("k = 5: curves for comparison, silhouettes, scatter, profiles; byte-identical across runs and thread counts")
    func fixedK() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = [Self.mall] + Self.incomeAndSpending + ["--k", "5"]
        let first = try Self.report(arguments + ["--threads", "1"], in: directory, name: "a.html")
        let second = try Self.report(arguments + ["--threads", "2"], in: directory, name: "b.html")
        let third = try Self.report(arguments + ["--threads", "2"], in: directory, name: "c.html")
        #expect(first.data == second.data)
        #expect(second.data == third.data)
        #expect(first.stderr.hasSuffix("a.html: report with 5 segments and 5 charts\n"))
        #expect(first.stderr.contains("kmeans: k=5, 200 rows; sizes 81, 39, 35, 23, 22\n"))
        let html = String(decoding: first.data, as: UTF8.self)
        Self.checkStructure(html, charts: 5)
        #expect(html.contains("k = 5 was chosen by the user. The inertia curve bends most (its knee) at k = 5."))
        #expect(html.contains("The curves over k = 2–10 show how the other choices compare."))
        #expect(html.contains("Silhouette per segment (mean 0.554)"))
        #expect(html.contains(">Segments by Annual Income (k$) and Spending Score (1-100)</text>"))
        #expect(!html.contains("Merge tree"))
        // The profile table's means are those of the k = 5 segments (pandas groupby, profile_mall.json).
        #expect(html.contains("<th scope=\"row\">Annual Income (k$) — mean</th><td class=\"num\">55.3</td><td class=\"num\">86.54</td><td class=\"num\">88.2</td><td class=\"num\">26.3</td><td class=\"num\">25.73</td><td class=\"num\">60.56</td>"))
    }

    @Test("k auto with purchases and catalog: the choice explained and the recommendation evaluation")
    func automaticKWithPurchases() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = [Self.mall] + Self.incomeAndSpending
            + ["--k", "auto", "--purchases", SegmentRunner.fixture("purchases.csv"), "--catalog", SegmentRunner.fixture("products.csv")]
        let first = try Self.report(arguments, in: directory, name: "a.html")
        let second = try Self.report(arguments + ["--threads", "1"], in: directory, name: "b.html")
        #expect(first.data == second.data)
        #expect(first.stderr.contains("--k auto --select silhouette takes k=5 over k=2..10\n"))
        #expect(first.stderr.contains("evaluated 174 customers, holdout last, test fraction 0.2, k = 10\n"))
        let html = String(decoding: first.data, as: UTF8.self)
        Self.checkStructure(html, charts: 5)
        #expect(html.contains("k = 5 was chosen by the highest mean silhouette. The inertia curve bends most (its knee) at k = 5. The mean silhouette is highest at k = 5 (0.554)."))
        #expect(html.contains("<h2>Recommendations</h2>"))
        for method in ["tfidf", "knn", "segment", "hybrid", "popular", "random"] { #expect(html.contains("<tr><td>\(method)</td>")) }
        #expect(html.contains("<th class=\"num\">precision@10</th>"))
        #expect(html.contains("<h3>Top items per segment</h3>"))
        #expect(html.contains("<tr><td>2 · high income · low spending</td><td>P"))

        // The evaluation table holds what `recommend --evaluate` prints for the same segments.
        let clustered = try SegmentRunner.run(["cluster", Self.mall] + Self.incomeAndSpending + ["--k", "5", "-q"])
        let evaluation = try SegmentRunner.run(["recommend", "--segments", "-", "--purchases", SegmentRunner.fixture("purchases.csv"),
                                                "--catalog", SegmentRunner.fixture("products.csv"), "--evaluate", "--format", "csv", "-q"],
                                               input: clustered.stdout)
        let hybrid = evaluation.stdout.split(separator: "\n").first { $0.hasPrefix("hybrid,") }!.split(separator: ",")
        let precision = String(format: "%.4f", Double(hybrid[1])!).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
        #expect(html.contains("<tr><td>hybrid</td><td class=\"num\">\(precision)</td>"))
    }

    @Test("agglomerative: the dendrogram of the run, cut at five segments")
    func agglomerative() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = [Self.mall] + Self.incomeAndSpending + ["--algorithm", "agglomerative", "--k", "5"]
        let first = try Self.report(arguments + ["--threads", "1"], in: directory, name: "a.html")
        let second = try Self.report(arguments + ["--threads", "2"], in: directory, name: "b.html")
        #expect(first.data == second.data)
        let html = String(decoding: first.data, as: UTF8.self)
        Self.checkStructure(html, charts: 5)
        #expect(html.contains("<h2>Merge tree</h2>"))
        #expect(html.contains(">cut: 5 segments</text>"))
        #expect(html.contains(">Dendrogram (top 30 clusters; (n) = rows merged below)</text>"))
        #expect(!html.contains("Choosing the number of segments"))
    }

    @Test("report errors: clustering options with labelled input, a tree file when clustering, a catalog alone", arguments: [
        (["report", SegmentRunner.fixture("reference/mall_kmeans5_segments.csv"), "--k", "5"],
         "segment: error: --k applies only when the report clusters the rows, but \(SegmentRunner.fixture("reference/mall_kmeans5_segments.csv")) already has segment labels in column 'segment'; drop --k, or give an input without that column\n"),
        (["report", mall, "--linkage-in", "tree.csv"],
         "segment: error: --linkage-in draws the tree of labelled input; when the report clusters the rows, use --algorithm agglomerative and the tree is drawn from the run\n"),
        (["report", mall, "--catalog", SegmentRunner.fixture("products.csv"), "-q"],
         "segment: error: --catalog describes the items of --purchases; add --purchases FILE\n"),
    ])
    func errors(arguments: [String], message: String) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("r.html").path
        let result = try SegmentRunner.run(arguments + ["-o", output])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message))
        #expect(result.stderr.hasSuffix("see 'segment report --help'\n"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("elbow --plot writes a well-formed SVG of both curves with the chosen k")
    func elbowPlot() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plot = directory.appendingPathComponent("elbow.svg").path
        let result = try SegmentRunner.run(["elbow", Self.mall] + Self.incomeAndSpending + ["--plot", plot, "-q"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("k,inertia,silhouette,calinski_harabasz,davies_bouldin\n"))
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(Self.isWellFormed(svg))
        #expect(svg.contains(">chosen k = 5</text>"))
        #expect(svg.contains(">knee k = 5</text>"))
        #expect(svg.contains(">best k = 5</text>"))
        let again = try SegmentRunner.run(["elbow", Self.mall] + Self.incomeAndSpending + ["--plot", plot + "2", "-q", "--threads", "1"])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: plot)) == Data(contentsOf: URL(fileURLWithPath: plot + "2")))
    }

    @Test("cluster | profile: five distinct personas, means equal a group-by of the clustered rows")
    func clusterThenProfile() throws {
        let clustered = try SegmentRunner.run(["cluster", Self.mall] + Self.incomeAndSpending + ["--k", "5", "-q"])
        #expect(clustered.status == 0)
        let profile = try SegmentRunner.run(["profile", "--features", "Annual Income (k$),Spending Score (1-100)", "-q"], input: clustered.stdout)
        #expect(profile.status == 0)
        let lines = profile.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == 7)
        let personas = lines[1...5].map { $0[3] }
        #expect(Set(personas).count == 5)
        #expect(personas.contains("high income · low spending"))
        #expect(lines[3][3] == "high income · low spending")

        // Group the clustered rows by segment (as pandas' groupby().mean()) and compare.
        let rows = clustered.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        for segment in 0..<5 {
            let members = rows.filter { $0[5] == String(segment) }
            let income = members.reduce(0.0) { $0 + Double($1[3])! } / Double(members.count)
            let spending = members.reduce(0.0) { $0 + Double($1[4])! } / Double(members.count)
            let line = lines[segment + 1]
            #expect(line[0] == String(segment))
            #expect(Int(line[1]) == members.count)
            #expect(abs(Double(line[5])! - income) <= 1e-9 * income)
            #expect(abs(Double(line[8])! - spending) <= 1e-9 * spending)
        }
    }
}
