import Foundation
import Testing

/// `segment cluster --algorithm kprototypes|kmedoids` through the binary:
/// categories kept as categories, models that `assign` reuses, `--k auto`
/// and `elbow`, profiles with each category's mode, determinism across
/// thread counts, and each bad input of issue 19 as a clear error.
@Suite struct MixedClusteringTests {
    static let mall = SegmentRunner.fixture("mall_customers.csv")

    /// A scratch folder with small hostile tables.
    static let workspace: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-mixed-\(getpid())-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) { try! Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        let ages = [23, 35, 47, 52, 61, 29, 33, 44, 58, 38]
        write("one-value.csv", "id,plan,age\n" + ages.enumerated().map { "\($0.offset),basic,\($0.element)" }.joined(separator: "\n") + "\n")
        write("age-text.csv", "id,plan,age\n" + ages.enumerated().map { "\($0.offset),\($0.offset % 2 == 0 ? "basic" : "pro"),\($0.offset == 4 ? "unknown" : String($0.element))" }.joined(separator: "\n") + "\n")
        write("empty-row.csv", "id,plan,age\n" + ages.enumerated().map { "\($0.offset),\($0.offset == 3 ? "" : $0.offset % 2 == 0 ? "basic" : "pro"),\($0.offset == 3 ? "" : String($0.element))" }.joined(separator: "\n") + "\n")
        write("gaps.csv", "id,plan,age,income\n" + ages.enumerated().map { "\($0.offset),\($0.offset == 3 ? "" : $0.offset % 2 == 0 ? "basic" : "pro"),\($0.offset == 5 ? "" : String($0.element)),\($0.element * 3 % 17)" }.joined(separator: "\n") + "\n")
        var large = "id,plan,age\n"
        for row in 0..<50_001 { large += "\(row),\(["basic", "pro", "team"][row % 3]),\(20 + row % 47)\n" }
        write("large.csv", large)
        write("ids.csv", "id,email,age\n" + ages.enumerated().map { "\($0.offset),user\($0.offset)@example.com,\($0.element)" }.joined(separator: "\n") + "\n")
        return directory
    }()

    static func path(_ name: String) -> String { workspace.appendingPathComponent(name).path }

    @Test("kprototypes keeps Gender as a category: the gamma used, the cost, and Gender's mode in --centers")
    func kprototypes() throws {
        let centers = Self.path("kp-centers.csv")
        let result = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "kprototypes", "--k", "4", "--centers", centers])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("kprototypes: gamma 0.5 (0.5 × mean standard deviation of the scaled numeric features)"))
        #expect(result.stderr.contains("; cost "))
        let header = try String(contentsOfFile: centers, encoding: .utf8).split(separator: "\n")
        #expect(header.first == "segment,size,Gender,Age,Annual Income (k$),Spending Score (1-100)")
        #expect(header.dropFirst().allSatisfy { $0.split(separator: ",")[2] == "Female" || $0.split(separator: ",")[2] == "Male" })
    }

    @Test("a saved kprototypes or kmedoids model labels its own rows as cluster did; an unseen category is an error naming it")
    func modelsRoundTrip() throws {
        for arguments in [["--algorithm", "kprototypes", "--k", "5"], ["--algorithm", "kmedoids", "--k", "5"],
                          ["--algorithm", "kmedoids", "--metric", "manhattan", "--k", "3"]] {
            let model = Self.path("model-\(arguments.joined()).json"), labelled = Self.path("labelled-\(arguments.joined()).csv")
            let cluster = try SegmentRunner.run(["cluster", Self.mall, "--model", model, "-o", labelled] + arguments)
            #expect(cluster.status == 0, "\(cluster.stderr)")
            let assigned = try SegmentRunner.run(["assign", labelled, "--model", model, "--label-column", "again"])
            #expect(assigned.status == 0, "\(assigned.stderr)")
            let rows = assigned.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            #expect(rows.count == 200)
            #expect(rows.allSatisfy { $0[5] == $0[6] })
        }
        let model = Self.path("model---algorithmkprototypes--k5.json")
        let unseen = try SegmentRunner.run(["assign", "--model", model],
                                           input: "CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n1,Other,30,40,50\n")
        #expect(unseen.status == 1)
        #expect(unseen.stderr.contains("column 'Gender': found 'Other', a category the model was not fitted with (it knows 'Female', 'Male')"))
        #expect(unseen.stdout.isEmpty)
    }

    @Test("the same seed gives byte-identical output with 1 and 2 threads")
    func deterministic() throws {
        for algorithm in ["kprototypes", "kmedoids"] {
            let one = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", algorithm, "--k", "6", "--threads", "1", "--seed", "7"])
            let two = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", algorithm, "--k", "6", "--threads", "2", "--seed", "7"])
            #expect(one.status == 0 && two.status == 0)
            #expect(one.stdout == two.stdout)
            #expect(one.stderr == two.stderr)
        }
    }

    @Test("--k auto and elbow report cost and silhouette per k and say which k they took")
    func chooseK() throws {
        let auto = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "kmedoids", "--k-range", "2-5", "-q"])
        #expect(auto.status == 0, "\(auto.stderr)")
        let elbow = try SegmentRunner.run(["elbow", Self.mall, "--algorithm", "kmedoids", "--k-range", "2-5", "--format", "csv"])
        #expect(elbow.status == 0, "\(elbow.stderr)")
        let lines = elbow.stdout.split(separator: "\n")
        #expect(lines.first == "k,cost,silhouette")
        #expect(lines.count == 5)
        #expect(elbow.stderr.contains("k auto: chose k="))
        let knee = try SegmentRunner.run(["elbow", Self.mall, "--algorithm", "kprototypes", "--k-range", "2-8", "--select", "elbow"])
        #expect(knee.status == 0, "\(knee.stderr)")
        #expect(knee.stderr.contains("the knee of the cost curve") || knee.stderr.contains("has no knee"))
        let wrong = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "kprototypes", "--select", "gap"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("kprototypes and kmedoids choose k by silhouette or elbow"))
    }

    @Test("profile of a kprototypes run shows each category's mode per segment")
    func profileModes() throws {
        let result = try SegmentRunner.runPipeline(["cluster", Self.mall, "--algorithm", "kprototypes", "--k", "4", "-q"],
                                                   into: "'\(SegmentRunner.executable.path)' profile --format csv", input: "")
        #expect(result.status == 0, "\(result.stderr)")
        let header = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasSuffix("Gender mode,Gender=Female,Gender=Male"))
    }

    @Test("kmedoids above 50,000 rows refuses with the work it would take and the alternatives; --sample N fits on N rows and labels all")
    func rowLimit() throws {
        let refused = try SegmentRunner.run(["cluster", Self.path("large.csv"), "--algorithm", "kmedoids", "--k", "3"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("kmedoids on 50001 rows computes 2.5 billion distances on every pass"))
        #expect(refused.stderr.contains("--sample 20000") && refused.stderr.contains("--algorithm kprototypes"))
        #expect(refused.stdout.isEmpty)
        let sampled = try SegmentRunner.run(["cluster", Self.path("large.csv"), "--algorithm", "kmedoids", "--k", "3", "--sample", "2000"])
        #expect(sampled.status == 0, "\(sampled.stderr)")
        #expect(sampled.stderr.contains("medoids fitted on a random sample of 2000 of 50001 rows"))
        let labels = sampled.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").last.map(String.init) ?? "" }
        #expect(labels.count == 50_001)
        #expect(labels.allSatisfy { ["0", "1", "2"].contains($0) })
    }

    @Test("bad input: one-value category, text in a numeric column, all-missing rows, an id as a feature, misplaced options")
    func badInput() throws {
        let single = try SegmentRunner.run(["cluster", Self.path("one-value.csv"), "--algorithm", "kprototypes", "--features", "plan,age", "--k", "2"])
        #expect(single.status == 2)
        #expect(single.stderr.contains("column 'plan' has a single value ('basic'), so it cannot tell segments apart"))
        let text = try SegmentRunner.run(["cluster", Self.path("age-text.csv"), "--algorithm", "kprototypes", "--features", "plan,age", "--k", "2"])
        #expect(text.status == 1)
        #expect(text.stderr.contains("age-text.csv:6 column 'age'") && text.stderr.contains("expected a number, found 'unknown'"))
        let empty = try SegmentRunner.run(["cluster", Self.path("empty-row.csv"), "--algorithm", "kmedoids", "--features", "plan,age", "--k", "2",
                                           "--missing", "keep"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("empty-row.csv:5:") && empty.stderr.contains("every feature of this row is missing"))
        let gaps = try SegmentRunner.run(["cluster", Self.path("gaps.csv"), "--algorithm", "kmedoids", "--features", "plan,age,income", "--k", "2",
                                          "--missing", "keep", "-q"])
        #expect(gaps.status == 0, "\(gaps.stderr)")
        #expect(gaps.stdout.split(separator: "\n").count == 11)
        let disjoint = try SegmentRunner.run(["cluster", Self.path("gaps.csv"), "--algorithm", "kmedoids", "--features", "plan,age", "--k", "2",
                                              "--missing", "keep"])
        #expect(disjoint.status == 1)
        #expect(disjoint.stderr.contains("data rows 4 and 6 have no feature present in both, so their Gower distance is undefined"))
        let keepElsewhere = try SegmentRunner.run(["cluster", Self.path("gaps.csv"), "--algorithm", "kprototypes", "--missing", "keep", "--k", "2"])
        #expect(keepElsewhere.status == 2)
        #expect(keepElsewhere.stderr.contains("--missing keep applies to --algorithm kmedoids with --metric gower only"))
        let ids = try SegmentRunner.run(["cluster", Self.path("ids.csv"), "--algorithm", "kmedoids", "--features", "email,age", "--k", "2"])
        #expect(ids.status == 2)
        #expect(ids.stderr.contains("column 'email' has 10 distinct values, like an id or free text"))
        let gamma = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "kmedoids", "--gamma", "1", "--k", "2"])
        #expect(gamma.status == 2)
        let initKMeans = try SegmentRunner.run(["cluster", Self.mall, "--init", "cao", "--k", "2"])
        #expect(initKMeans.status == 2)
        #expect(initKMeans.stderr.contains("--init cao starts kprototypes, not k-means"))
        let numbersOnly = try SegmentRunner.run(["cluster", Self.mall, "--algorithm", "kprototypes", "--features", "Age,Annual Income (k$)", "--k", "2"])
        #expect(numbersOnly.status == 2)
        #expect(numbersOnly.stderr.contains("kprototypes needs a categorical feature"))
    }
}
