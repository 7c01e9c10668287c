import Foundation
import Testing

/// `segment cluster --algorithm minibatch-kmeans` on a generated file, as a user runs it.
@Suite struct ClusterMiniBatchTests {
    /// 50,000 rows of five Gaussian blobs in 3-D (sd 1, centres 6 apart),
    /// with an id column, written once per test run.
    static let blobs: String = {
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) * 0x1.0p-53
        }
        var text = "id,f1,f2,f3\n"
        for row in 0..<50_000 {
            let blob = Double(row % 5)
            var values: [String] = []
            for feature in 0..<3 {
                // Box–Muller normal deviate.
                let normal = (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
                values.append(String(format: "%.4f", 6 * blob * Double(feature % 2 == 0 ? 1 : -1) + normal))
            }
            text += "\(row + 1),\(values.joined(separator: ","))\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("segment-minibatch-\(UUID().uuidString).csv")
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }()

    /// The inertia in a `cluster` summary on stderr.
    func inertia(_ stderr: String) -> Double? {
        guard let range = stderr.range(of: "inertia ") else { return nil }
        return Double(stderr[range.upperBound...].prefix { !$0.isWhitespace })
    }

    @Test func labelsEveryRowWithInertiaCloseToKMeans() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let model = directory.appendingPathComponent("model.json").path
        let streamed = try SegmentRunner.run(["cluster", Self.blobs, "--algorithm", "minibatch-kmeans", "--k", "5", "--threads", "1", "--model", model])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        let lines = streamed.stdout.split(separator: "\n")
        #expect(lines.count == 50_001)
        #expect(lines[0] == "id,f1,f2,f3,segment")
        let labels = lines.dropFirst().map { Int($0.split(separator: ",").last!)! }
        #expect(labels.allSatisfy { (0..<5).contains($0) })
        var sizes = [Int](repeating: 0, count: 5)
        for label in labels { sizes[label] += 1 }
        #expect(sizes == sizes.sorted(by: >))
        #expect(streamed.stderr.contains("minibatch-kmeans: k=5, 50000 rows; sizes \(sizes.map(String.init).joined(separator: ", "))"))

        let full = try SegmentRunner.run(["cluster", Self.blobs, "--k", "5", "-o", "/dev/null"])
        let streamedInertia = try #require(inertia(streamed.stderr)), fullInertia = try #require(inertia(full.stderr))
        #expect(abs(streamedInertia - fullInertia) / fullInertia < 0.02)

        // The same labels for any thread count, and from the saved model.
        let twoThreads = try SegmentRunner.run(["cluster", Self.blobs, "--algorithm", "minibatch-kmeans", "--k", "5", "--threads", "2"])
        #expect(twoThreads.stdout == streamed.stdout)
        let assigned = try SegmentRunner.run(["assign", "--model", model, Self.blobs])
        #expect(assigned.status == 0)
        #expect(assigned.stdout == streamed.stdout)
    }

    @Test func droppedRowsKeepAnEmptyLabelAndCentresAreWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segment-mb-\(UUID().uuidString).csv").path
        try "x,y\n1,1\n1.2,0.8\n,5\n9,9\n9.1,8.8\n0.9,1.1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let centers = path + ".centers.csv"
        let result = try SegmentRunner.run(["cluster", path, "--algorithm", "minibatch-kmeans", "--k", "2", "--missing", "drop",
                                            "--scale", "none", "--centers", centers])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "x,y,segment\n1,1,0\n1.2,0.8,0\n,5,\n9,9,1\n9.1,8.8,1\n0.9,1.1,0\n")
        #expect(result.stderr.contains("minibatch-kmeans: k=2, 5 rows; sizes 3, 2; 1 rows with missing values left unlabelled"))
        let written = try String(contentsOfFile: centers, encoding: .utf8).split(separator: "\n")
        #expect(written.first == "segment,size,x,y")
        #expect(written.count == 3)
    }

    @Test func standardInputIsAUsageError() throws {
        let result = try SegmentRunner.run(["cluster", "--algorithm", "minibatch-kmeans", "--k", "2"], input: "a,b\n1,2\n3,4\n")
        #expect(result.status == 2)
        #expect(result.stderr == """
            segment: error: --algorithm minibatch-kmeans reads its input several times, so it cannot read standard input, a pipe or a device; save it to a file and pass the path
            usage: segment cluster [options] [FILE]
            see 'segment cluster --help'

            """)
    }

    @Test func kIsRequired() throws {
        let result = try SegmentRunner.run(["cluster", Self.blobs, "--algorithm", "minibatch-kmeans"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("segment: error: --algorithm minibatch-kmeans needs --k N (choosing k needs the data in memory: run `segment elbow` on a sample first)\n"))
    }
}
