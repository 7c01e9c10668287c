import SegmentCore

/// `segment cluster --algorithm agglomerative`: options and their translation
/// into `Agglomerative.Configuration`.
extension ClusterOptions {

    /// Runs agglomerative clustering on the scaled features as the options ask,
    /// writing `--linkage-out` as part of `outputs` when given.
    /// - Throws: `UsageError` for missing or conflicting cut options or a bad size,
    ///   `SegmentError` when the distance matrix does not fit in memory.
    static func runAgglomerative(_ features: Matrix, _ options: ClusterAlgorithmOptions, threads: Int,
                                 outputs: OutputBatch) throws -> Agglomerative.Result {
        let cut: Agglomerative.Cut
        switch (try options.fixedK(for: "agglomerative clustering"), options.distanceThreshold) {
        case (.some, .some):
            throw UsageError(message: "give either --k or --distance-threshold, not both")
        case (nil, nil):
            throw UsageError(message: "agglomerative clustering needs --k N or --distance-threshold X")
        case (let k?, nil):
            cut = .clusterCount(k)
        case (nil, let threshold?):
            cut = .distanceThreshold(threshold)
        }
        let configuration = Agglomerative.Configuration(linkage: options.linkage, cut: cut,
                                                        maxMemoryBytes: options.maxMemory?.bytes ?? SystemMemory.availableBytes,
                                                        threads: threads)
        let result = try Agglomerative(configuration).fit(features)
        if let path = options.linkageOut {
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
