import SegmentCore

/// `segment cluster --algorithm agglomerative`: options and their translation
/// into `Agglomerative.Configuration`.
extension ClusterOptions {
    /// Options specific to agglomerative clustering (`--k` is shared with the other algorithms).
    static let agglomerativeOptions: [OptionSpec] = [
        OptionSpec("linkage", value: "METHOD", help: "Agglomerative: how cluster distance is measured (Euclidean). ward and single need memory linear in the rows; complete and average need the n(n-1)/2 distance matrix.", default: "ward", choices: Linkage.allCases.map(\.rawValue)),
        OptionSpec("distance-threshold", value: "X", help: "Agglomerative: instead of --k, apply every merge lower than X (scikit-learn's distance_threshold)."),
        OptionSpec("linkage-out", value: "FILE", help: "Agglomerative: write the merge tree as CSV in SciPy's linkage-matrix layout (left,right,distance,size; point ids 0..n-1, the cluster made by row i is n+i)."),
        OptionSpec("max-memory", value: "SIZE", help: "Agglomerative: memory allowed for the distance matrix, e.g. 512M or 4G.", defaultDescription: "available memory"),
    ]

    /// Runs agglomerative clustering on the scaled features as the options ask,
    /// writing `--linkage-out` as part of `outputs` when given.
    /// - Throws: `UsageError` for missing or conflicting cut options or a bad size,
    ///   `SegmentError` when the distance matrix does not fit in memory.
    static func runAgglomerative(_ features: Matrix, _ arguments: ParsedArguments, console: Console, outputs: OutputBatch) throws -> Agglomerative.Result {
        let linkage = Linkage(rawValue: arguments.choice("linkage") ?? "ward") ?? .ward
        let cut: Agglomerative.Cut
        switch (arguments.has("k"), arguments.has("distance-threshold")) {
        case (true, true):
            throw UsageError(message: "give either --k or --distance-threshold, not both")
        case (false, false):
            throw UsageError(message: "agglomerative clustering needs --k N or --distance-threshold X")
        case (true, false):
            guard let k = try arguments.int("k", in: 1...Int.max) else {
                throw UsageError(message: "agglomerative clustering needs --k N or --distance-threshold X")
            }
            cut = .clusterCount(k)
        case (false, true):
            cut = .distanceThreshold(try arguments.double("distance-threshold", exclusiveLowerBound: 0) ?? 0)
        }
        var maxMemory = SystemMemory.availableBytes
        if arguments.has("max-memory"), let text = arguments.string("max-memory") {
            guard let bytes = MemoryBudget.parseSize(text) else {
                throw UsageError(message: "--max-memory expects a size such as 512M or 4G, got '\(text)'")
            }
            maxMemory = bytes
        }
        let configuration = Agglomerative.Configuration(linkage: linkage, cut: cut, maxMemoryBytes: maxMemory,
                                                        threads: try CommonOptions.threads(arguments))
        let result = try Agglomerative(configuration).fit(features)
        if let path = arguments.string("linkage-out") {
            try writeLinkage(result.linkage, to: outputs.open(OutputDestination(argument: path)))
        }
        return result
    }

    /// Writes `tree` as CSV `left,right,distance,size` to `sink` (not committed).
    static func writeLinkage(_ tree: LinkageMatrix, to sink: OutputSink) throws {
        let writer = try RecordWriter(sink: sink, format: .csv, header: ["left", "right", "distance", "size"])
        for merge in tree.merges {
            try writer.write([.integer(merge.left), .integer(merge.right), .number(merge.distance), .integer(merge.size)])
        }
        try writer.finish()
    }
}
