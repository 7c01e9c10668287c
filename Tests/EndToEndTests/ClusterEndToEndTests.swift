import Foundation
import Testing

/// `segment cluster`, `elbow`, `score` and `assign` run as a user runs them.
@Suite struct ClusterEndToEndTests {
    let mall = SegmentRunner.fixture("mall_customers.csv")
    let mallFeatures = ["--features", "Annual Income (k$),Spending Score (1-100)", "--scale", "none"]

    /// A fresh temporary directory.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("segment-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func autoKOnMallPicksFiveSegments() throws {
        let result = try SegmentRunner.run(["cluster", mall] + mallFeatures + ["--k", "auto"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("--k auto --select silhouette takes k=5 over k=2..10"))
        #expect(result.stderr.contains("kmeans: k=5, 200 rows; sizes 81, 39, 35, 23, 22"))
        #expect(result.stderr.contains("silhouette 0.5539; inertia 44448.4554"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 201)
        #expect(lines[0] == "CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100),segment")
        #expect(lines[1] == "1,Male,19,15,39,3")
    }

    @Test func assignReproducesClusterLabels() throws {
        let directory = try temporaryDirectory()
        let model = directory.appendingPathComponent("mall.json").path
        let centers = directory.appendingPathComponent("centers.csv").path
        let clustered = try SegmentRunner.run(["cluster", mall, "--k", "5", "--model", model, "--centers", centers, "-q"])
        #expect(clustered.status == 0)
        let assigned = try SegmentRunner.run(["assign", "--model", model, mall, "-q"])
        #expect(assigned.status == 0)
        #expect(assigned.stdout == clustered.stdout)
        let table = try String(contentsOfFile: centers, encoding: .utf8).split(separator: "\n")
        #expect(table[0] == "segment,size,Age,Annual Income (k$),Spending Score (1-100)")
        #expect(table.count == 6)
    }

    @Test func assignBreaksExactTiesAsClusterDid() throws {
        // Starting from centres 0 and 10, x = 5 is exactly 5 from both final
        // centres (mean(-4, -1, 5) = 0 and mean(9, 10, 11, 10) = 10); k-means
        // gives it to its first centre, which becomes segment 1 because the
        // other centre has more rows. A search in segment order would pick 0.
        let directory = try temporaryDirectory()
        let data = directory.appendingPathComponent("tie.csv").path
        let start = directory.appendingPathComponent("start.csv").path
        let model = directory.appendingPathComponent("tie.json").path
        try "id,x\n1,-4\n2,-1\n3,5\n4,9\n5,10\n6,11\n7,10\n".write(toFile: data, atomically: true, encoding: .utf8)
        try "x\n0\n10\n".write(toFile: start, atomically: true, encoding: .utf8)
        let clustered = try SegmentRunner.run(["cluster", data, "--features", "x", "--scale", "none", "--init", start, "--model", model, "-q"])
        #expect(clustered.status == 0)
        #expect(clustered.stdout == "id,x,segment\n1,-4,1\n2,-1,1\n3,5,1\n4,9,0\n5,10,0\n6,11,0\n7,10,0\n")
        #expect(try String(contentsOfFile: model, encoding: .utf8).contains("\"tieOrder\""))
        let assigned = try SegmentRunner.run(["assign", "--model", model, data, "-q"])
        #expect(assigned.status == 0)
        #expect(assigned.stdout == clustered.stdout)
    }

    @Test func assignNamesAMissingColumn() throws {
        let directory = try temporaryDirectory()
        let model = directory.appendingPathComponent("m.json").path
        _ = try SegmentRunner.run(["cluster", mall, "--k", "3", "--model", model, "-q"] + mallFeatures)
        let result = try SegmentRunner.run(["assign", "--model", model], input: "id,Annual Income (k$)\n1,50\n")
        #expect(result.status == 1)
        #expect(result.stderr == "segment: error: <stdin>:1: the model needs column 'Spending Score (1-100)', which the input lacks (columns: id, Annual Income (k$))\n")
    }

    @Test func assignStreamsRowsWithDroppedMissingValues() throws {
        let directory = try temporaryDirectory()
        let model = directory.appendingPathComponent("m.json").path
        _ = try SegmentRunner.run(["cluster", mall, "--k", "2", "--model", model, "--missing", "drop", "-q"] + mallFeatures)
        let result = try SegmentRunner.run(["assign", "--model", model, "-q"],
                                           input: "name,Annual Income (k$),Spending Score (1-100)\n\"Doe, J\",120,90\nX,NA,10\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "name,Annual Income (k$),Spending Score (1-100),segment")
        #expect(lines[1].hasPrefix("\"Doe, J\",120,90,"))
        #expect(lines[2] == "X,NA,10,")
    }

    @Test func sameOutputForAnyThreadCount() throws {
        let one = try SegmentRunner.run(["cluster", mall, "--k", "6", "--seed", "3", "--threads", "1"])
        let two = try SegmentRunner.run(["cluster", mall, "--k", "6", "--seed", "3", "--threads", "2"])
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(one.stderr == two.stderr)
    }

    @Test func elbowPrintsOneRowPerK() throws {
        let result = try SegmentRunner.run(["elbow", mall, "--format", "csv"] + mallFeatures)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[0] == "k,inertia,silhouette,calinski_harabasz,davies_bouldin")
        #expect(lines.count == 10)
        #expect(lines[4].hasPrefix("5,44448.4554479337"))
        #expect(result.stderr.contains("knee of the inertia curve (Kneedle): k=5"))
        #expect(result.stderr.contains("highest silhouette: k=5 (0.5539)"))
        let alias = try SegmentRunner.run(["select-k", mall, "--format", "csv", "--k-range", "2-3"] + mallFeatures)
        #expect(alias.stdout.split(separator: "\n").count == 3)
    }

    @Test func scoreMatchesScikitLearn() throws {
        // scikit-learn 1.9.1 on mall income/spending, k = 5 (Fixtures/reference/kmeans_mall.json, metrics_mall.json).
        let labelled = try SegmentRunner.run(["cluster", mall, "--k", "5", "-q"] + mallFeatures)
        let result = try SegmentRunner.run(["score", "--format", "csv", "--truth", "Gender"] + mallFeatures, input: labelled.stdout)
        #expect(result.status == 0)
        let values = Dictionary(uniqueKeysWithValues: result.stdout.split(separator: "\n").dropFirst().map { line in
            let parts = line.split(separator: ",")
            return (String(parts[0]), Double(parts[1])!)
        })
        #expect(abs(values["silhouette"]! - 0.553931997444648) <= 1e-12)
        #expect(abs(values["calinski_harabasz"]! - 247.35899338037282) <= 1e-9)
        #expect(abs(values["davies_bouldin"]! - 0.5725628995597083) <= 1e-12)
        #expect(abs(values["adjusted_rand_index"]! - -0.0005805222810363258) <= 1e-12)
        #expect(abs(values["normalized_mutual_info"]! - 0.005127068409328254) <= 1e-12)
    }

    @Test func errorsSayWhatToDo() throws {
        let tooMany = try SegmentRunner.run(["cluster", mall, "--k", "500"] + mallFeatures)
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr == "segment: error: k=500 but the input has only 200 rows; choose k ≤ 200\n")
        let noCut = try SegmentRunner.run(["cluster", mall, "--algorithm", "agglomerative"])
        #expect(noCut.stderr == "segment: error: agglomerative clustering needs --k N or --distance-threshold X\nusage: segment cluster [options] [FILE]\nsee 'segment cluster --help'\n")
        let clash = try SegmentRunner.run(["cluster", mall, "--label-column", "Age"])
        #expect(clash.stderr == "segment: error: the input already has a column 'Age'; name the new label column with --label-column NAME\n")
        let range = try SegmentRunner.run(["elbow", mall, "--k-range", "5-2"])
        #expect(range.status == 2)
        #expect(range.stderr.hasPrefix("segment: error: --k-range needs 1 <= LOW <= HIGH, got '5-2'"))
        let directory = try temporaryDirectory()
        let bad = directory.appendingPathComponent("bad.json")
        try "{\"formatVersion\": 7}".write(to: bad, atomically: true, encoding: .utf8)
        let version = try SegmentRunner.run(["assign", "--model", bad.path, mall])
        #expect(version.status == 1)
        #expect(version.stderr.contains("model format version 7 is not supported"))
    }

    @Test func initFromFileFixesK() throws {
        let points = SegmentRunner.fixture("reference/kmeans_init_points.csv")
        let start = SegmentRunner.fixture("reference/kmeans_init_centers.csv")
        let result = try SegmentRunner.run(["cluster", points, "--features", "x,y,z", "--scale", "none", "--init", start])
        #expect(result.status == 0)
        // scikit-learn 1.9.1 inertia from the same centres (kmeans_init.json).
        #expect(result.stderr.contains("inertia 374.4096"))
        #expect(result.stderr.contains("1 restart, 5 iterations"))
    }

    @Test func centersAreSegmentMeansInOriginalUnits() throws {
        // With standard scaling, each centre mapped back must be the mean of its segment's rows.
        let directory = try temporaryDirectory()
        let centers = directory.appendingPathComponent("centers.csv").path
        let result = try SegmentRunner.run(["cluster", mall, "--k", "4", "--centers", centers, "-q",
                                            "--features", "Age,Annual Income (k$),Spending Score (1-100)"])
        #expect(result.status == 0)
        var sums = [[Double]](repeating: [0, 0, 0], count: 4)
        var sizes = [Int](repeating: 0, count: 4)
        for line in result.stdout.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",")
            let segment = Int(cells[5])!
            sizes[segment] += 1
            for feature in 0..<3 { sums[segment][feature] += Double(cells[2 + feature])! }
        }
        #expect(sizes == sizes.sorted(by: >))
        let rows = try String(contentsOfFile: centers, encoding: .utf8).split(separator: "\n").dropFirst()
        for row in rows {
            let cells = row.split(separator: ",").map { Double($0)! }
            let segment = Int(cells[0])
            #expect(Int(cells[1]) == sizes[segment])
            for feature in 0..<3 { #expect(abs(cells[2 + feature] - sums[segment][feature] / Double(sizes[segment])) <= 1e-9) }
        }
    }
}

extension ClusterEndToEndTests {
    /// Writing the labelled rows over the input itself is refused before
    /// anything is read (issue 23: an output never replaces an input), and
    /// the input keeps every byte, also above the parallel reader's 8 MiB
    /// threshold, where it is read in place from its mapping.
    @Test func largeInputOverwrittenByItsOwnOutput() throws {
        let directory = try temporaryDirectory()
        var generator = 0x9E37_79B9_7F4A_7C15 as UInt64
        var text = "id,region,note,x,y\n"
        for row in 0..<200_000 {
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let x = Double(generator >> 40) / 1e4, y = Double((generator >> 16) & 0xFFFFFF) / 1e4
            text += "\(row),\(["North", "South East", "West"][row % 3]),loyalty programme member,\(x),\(y)\n"
        }
        #expect(text.utf8.count > 9 << 20)
        let input = directory.appendingPathComponent("customers.csv").path
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let overwritten = try SegmentRunner.run(["cluster", input, "-o", input, "--features", "x,y", "--k", "4", "-q"])
        #expect(overwritten.status == 2)
        #expect(overwritten.stderr.hasPrefix("segment: error: -o would overwrite the input '\(input)'; an output never replaces an input: write it to another file\n"))
        #expect(try String(contentsOfFile: input, encoding: .utf8) == text)
    }
}
