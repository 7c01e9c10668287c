import SegmentBase

extension MiniBatchKMeans {
    /// Fits mini-batch k-means to a file too large to load: the rows of
    /// `records`, encoded and scaled by `pipeline`, are read in file order and
    /// cut into batches of `batchSize`; a batch may straddle the end of one
    /// pass and the start of the next, so every batch is full and the step
    /// limit is scikit-learn's `⌊max_iter × n / batch_size⌋`. (scikit-learn
    /// draws each batch at random from data in memory; a stream is visited
    /// in order, so a file sorted by cluster should be shuffled first.)
    /// - Parameters:
    ///   - sample: a uniform sample of `configuration.initializationSampleSize`
    ///     scaled rows (all rows when the file has fewer) for the seeding.
    ///   - rowCount: rows with features in the file.
    ///   - firstPass: number of the first pass, for progress labels.
    /// - Complexity: O(k × d + batchSize × d) memory; at most
    ///   `maximumEpochs` passes over the file.
    public static func fit(_ records: some RecordPasses, pipeline: FeaturePipeline, inputColumns: [Int],
                           sample: Matrix, rowCount: Int, configuration: Configuration, firstPass: Int = 1) throws -> MiniBatchKMeans {
        var model = try MiniBatchKMeans(configuration: configuration, sample: sample, rowCount: rowCount)
        let width = pipeline.outputWidth
        var batch = [Double](repeating: 0, count: model.batchSize * width)
        var filled = 0
        var finished = false
        for epoch in 0..<configuration.maximumEpochs where !finished {
            try batch.withUnsafeMutableBufferPointer { batch in
                try pipeline.forEachRow(in: records, inputColumns: inputColumns,
                                        stage: "pass \(firstPass + epoch): mini-batch epoch \(epoch + 1)") { _, row in
                    guard let row else { return true }
                    (batch.baseAddress! + filled * width).update(from: row.baseAddress!, count: width)
                    filled += 1
                    guard filled == model.batchSize else { return true }
                    filled = 0
                    finished = model.step(UnsafeBufferPointer(batch))
                    return !finished
                }
            }
        }
        return model
    }

    /// What a labelling pass over the whole file measured.
    public struct Measurement: Sendable {
        /// Rows per centre (index: centre of `centers`).
        public var sizes: [Int]
        /// The first row (among rows with features) of each centre; `Int.max` if none.
        public var firstRows: [Int]
        /// Summed squared distance of every row to its nearest centre.
        public var inertia: Double
        /// A uniform sample of scaled rows and their centres, for the silhouette.
        public var sample: Matrix
        /// The centre of each sampled row.
        public var sampleLabels: [Int]
    }

    /// Assigns every row of `records` to its nearest of `centers` and
    /// measures sizes, first rows, inertia and a row sample of at most
    /// `sampleRows` rows (seeded by `seed`).
    /// - Complexity: one pass; O(k × d + sampleRows × d) memory.
    public static func measure(_ records: some RecordPasses, pipeline: FeaturePipeline, inputColumns: [Int],
                               centers: Matrix, sampleRows: Int, seed: UInt64, stage: String = "labelling") throws -> Measurement {
        let rule = AssignmentRule.nearestCenter(centers: centers.storage, dimensions: centers.columns)
        var assigner = SegmentAssigner(rule: rule)
        var sizes = [Int](repeating: 0, count: centers.rows)
        var firstRows = [Int](repeating: Int.max, count: centers.rows)
        var inertia = 0.0
        var sample = ReservoirSample(capacity: sampleRows, width: centers.columns, rng: SplitMix64(seed: seed).derived(stream: 4))
        var row = 0
        try centers.storage.withUnsafeBufferPointer { centerValues in
            try pipeline.forEachRow(in: records, inputColumns: inputColumns, stage: stage) { _, features in
                guard let features else { return true }
                let label = assigner.label(of: features)
                sizes[label] += 1
                if firstRows[label] == Int.max { firstRows[label] = row }
                inertia += NearestCenterKernel.squaredDistance(features.baseAddress!, centerValues.baseAddress! + label * centers.columns,
                                                               dimensions: centers.columns)
                sample.offer(features.baseAddress!)
                row += 1
                return true
            }
        }
        let rows = sample.matrix
        var labels: [Int] = []
        rows.storage.withUnsafeBufferPointer { values in
            for index in 0..<rows.rows {
                labels.append(assigner.label(of: UnsafeBufferPointer(rebasing: values[(index * rows.columns)..<((index + 1) * rows.columns)])))
            }
        }
        return Measurement(sizes: sizes, firstRows: firstRows, inertia: inertia, sample: rows, sampleLabels: labels)
    }
}
