import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Mini-batch k-means on a file larger than memory, end to end: the input is
/// streamed several times and never loaded.
///
/// Passes: the feature pipeline (one, or two for one-hot columns and
/// fills; see `StreamingFeatureFit`), mini-batch epochs until a stopping
/// rule fires, one measuring sizes and inertia, one writing the labelled
/// rows. Column types come from the first `StreamingFeatureFit.prefixRows`
/// rows. Segments are numbered by decreasing size (ties by first row). The
/// rows, the centres and the model are written as one `OutputBatch`, renamed
/// into place together only when all were written.
public struct MiniBatchJob {
    /// The input: a regular file (it is read several times, so not a pipe).
    public var source: InputSource
    /// How the input is delimited and whether it has a header.
    public var dialect: CSVDialect
    /// The feature columns.
    public var features: FeatureChoice
    /// The id column by name; `nil`: found by its name (see `FeatureChoice`).
    public var idColumn: String?
    /// What to do with missing feature values.
    public var missing: MissingPolicy
    /// The feature scaling.
    public var scale: ScaleMethod
    /// k, batch size, epochs, tolerance and the other fitting settings; its
    /// `seed` and `threads` are replaced by this job's.
    public var configuration: MiniBatchKMeans.Configuration
    /// The seed of the samples and the fit.
    public var seed: UInt64
    /// Worker threads.
    public var threads: Int
    /// The added label column's name; the input must not have such a column.
    public var labelColumn: String
    /// Where the labelled rows go.
    public var rows: OutputDestination
    /// Where each segment's size and centre go (`ClusterFiles.writeCenters`), if anywhere.
    public var centers: OutputDestination?
    /// Where the model goes (`SegmentModel.jsonText()`), if anywhere.
    public var model: OutputDestination?
    /// The format of the labelled rows.
    public var format: OutputFormat
    /// Told the stage and progress of every pass.
    public var progress: ProgressReporter
    /// Whether to compute the silhouette of the result (on a sample).
    public var measuresSilhouette: Bool
    /// Rows of the sample the silhouette is computed on.
    public var silhouetteSampleRows: Int

    /// A job clustering `source` into `configuration.clusterCount` segments.
    public init(source: InputSource, dialect: CSVDialect, features: FeatureChoice = .automatic, idColumn: String? = nil,
                missing: MissingPolicy = .error, scale: ScaleMethod = .standard, configuration: MiniBatchKMeans.Configuration,
                seed: UInt64 = 0, threads: Int = availableCores, labelColumn: String = "segment",
                rows: OutputDestination = .standardOutput, centers: OutputDestination? = nil, model: OutputDestination? = nil,
                format: OutputFormat = .csv, progress: ProgressReporter = .silent, measuresSilhouette: Bool = true,
                silhouetteSampleRows: Int = 5_000) {
        self.source = source
        self.dialect = dialect
        self.features = features
        self.idColumn = idColumn
        self.missing = missing
        self.scale = scale
        self.configuration = configuration
        self.seed = seed
        self.threads = threads
        self.labelColumn = labelColumn
        self.rows = rows
        self.centers = centers
        self.model = model
        self.format = format
        self.progress = progress
        self.measuresSilhouette = measuresSilhouette
        self.silhouetteSampleRows = silhouetteSampleRows
    }

    /// What `MiniBatchJob.run()` fitted and measured.
    public struct Result {
        /// Mini-batch steps taken.
        public var steps: Int
        /// Rows per mini-batch.
        public var batchSize: Int
        /// Passes over the data the steps made (the last one may be partial).
        public var epochs: Int
        /// Whether a stopping rule fired before the step limit.
        public var converged: Bool
        /// Reads of the file in all.
        public var passes: Int
        /// Number of segments.
        public var k: Int
        /// Rows with features (labelled).
        public var rows: Int
        /// Rows in the file.
        public var totalRows: Int
        /// Rows per segment, segment 0 first (decreasing).
        public var sizes: [Int]
        /// The scaled centre of each segment, in segment order.
        public var centers: Matrix
        /// The fitted feature pipeline.
        public var pipeline: FeaturePipeline
        /// The mean silhouette on the sample (`nil` with fewer than 2
        /// segments, or when not measured).
        public var silhouette: Double?
        /// Rows of the silhouette sample.
        public var sampleRows: Int
        /// Sum of squared distances of the rows to their centres.
        public var inertia: Double

        /// Rows left without a label by the missing-value policy.
        public var unlabelledRows: Int { totalRows - rows }
    }

    /// Fits, labels and writes; the outputs are committed together.
    /// - Throws: `SegmentError.invalidInput` for a file without data rows,
    ///   `ParameterError` about `label-column` when the input already has
    ///   that column or about `features` for an unknown feature name, and
    ///   the errors of reading, fitting and writing (every output is then
    ///   left untouched).
    public func run() throws -> Result {
        let prefix = try TableLoader.loadPrefix(source, dialect: dialect, rows: StreamingFeatureFit.prefixRows, threads: threads)
        guard prefix.rowCount > 0 else {
            throw SegmentError.invalidInput("\(prefix.source): the file has a header but no data rows")
        }
        try LabelledRowsWriter.checkLabelColumn(labelColumn, newTo: prefix)
        let (idColumn, featureColumns) = try features.resolve(in: prefix, idColumn: self.idColumn)
        let records = FileRecords(source, dialect: dialect, progress: progress)
        var configuration = configuration
        configuration.seed = seed
        configuration.threads = threads

        let fitted = try StreamingFeatureFit.fit(records, prefix: prefix, featureColumns: featureColumns, missing: missing, scale: scale,
                                                 sampleRows: configuration.initializationSampleSize, seed: seed)
        let pipeline = fitted.pipeline
        let fitPasses = pipeline.columns.contains { $0.encoding != .numeric } || ![.error, .drop].contains(pipeline.missingPolicy) ? 2 : 1
        let fit = try MiniBatchKMeans.fit(records, pipeline: pipeline, inputColumns: featureColumns, sample: fitted.sample,
                                          rowCount: fitted.featureRowCount, configuration: configuration, firstPass: fitPasses + 1)
        let passes = fitPasses + fit.epochs + 2
        let measured = try MiniBatchKMeans.measure(records, pipeline: pipeline, inputColumns: featureColumns, centers: fit.centers,
                                                   sampleRows: silhouetteSampleRows, seed: seed, stage: "pass \(passes - 1): measuring")
        try Self.checkEverySegmentHasRows(measured.sizes, sample: fitted.sample, rowCount: fitted.featureRowCount)
        let numbering = SegmentNumbering(sizes: measured.sizes, firstRows: measured.firstRows)
        let centers = fit.centers.selectingRows(numbering.order)
        let sizes = numbering.order.map { measured.sizes[$0] }
        // The extras first, then the rows; all are renamed into place together.
        let outputs = OutputBatch()
        if let destination = self.centers {
            try ClusterFiles.writeCenters(centers, sizes: sizes, pipeline: pipeline, labelColumn: labelColumn, to: destination, outputs: outputs)
        }
        if let destination = model {
            let rule = AssignmentRule.nearestCenter(centers: centers.storage, dimensions: centers.columns, tieOrder: numbering.segmentsByRawLabel)
            let saved = SegmentModel(algorithm: "minibatch-kmeans", pipeline: pipeline, idColumn: idColumn.map { prefix.columnNames[$0] },
                                     labelColumn: labelColumn, rule: rule)
            try ClusterFiles.writeModel(saved, to: destination, outputs: outputs)
        }
        try writeRows(records, pipeline: pipeline, inputColumns: featureColumns, centers: fit.centers, numbering: numbering,
                      columnNames: prefix.columnNames, outputs: outputs, stage: "pass \(passes): writing")
        try outputs.commitAll()
        var silhouette: Double?
        if measuresSilhouette {
            let sampleLabels = measured.sampleLabels.map { numbering.newLabel[$0] }
            silhouette = Silhouette.score(measured.sample, labels: sampleLabels, threads: threads)
        }
        return Result(steps: fit.steps, batchSize: fit.batchSize, epochs: fit.epochs, converged: fit.converged, passes: passes,
                      k: centers.rows, rows: fitted.featureRowCount, totalRows: fitted.rowCount, sizes: sizes, centers: centers,
                      pipeline: pipeline, silhouette: silhouette, sampleRows: measured.sample.rows, inertia: measured.inertia)
    }

    /// Refuses a fit in which a centre got no row: the features then have
    /// fewer distinct rows than k (as k-means refuses up front), and
    /// returning fewer segments than asked would go unnoticed.
    /// - Throws: `ParameterError` about `k`, with the distinct rows of the
    ///   seeding sample when it holds every row.
    static func checkEverySegmentHasRows(_ sizes: [Int], sample: Matrix, rowCount: Int) throws {
        let k = sizes.count, used = sizes.count { $0 > 0 }
        guard used < k else { return }
        if sample.rows == rowCount {
            throw ParameterError("k", KMeans.tooFewDistinctRows(k: k, distinct: sample.distinctRowCount(limit: k), rows: rowCount))
        }
        throw ParameterError("k", "k=\(k) but the rows fall into only \(used) segment\(used == 1 ? "" : "s"): the features have fewer distinct rows than k; lower \(parameter: "k")")
    }

    /// The writing pass: every input record unchanged plus its segment
    /// (nearest of `centers`, renumbered by `numbering`; empty for rows
    /// without features) under the header `columnNames` + the label column.
    private func writeRows(_ records: FileRecords, pipeline: FeaturePipeline, inputColumns: [Int], centers: Matrix,
                           numbering: SegmentNumbering, columnNames: [String], outputs: OutputBatch, stage: String) throws {
        let writer = try LabelledRowsWriter(sink: try outputs.open(rows), format: format, columnNames: columnNames, labelColumn: labelColumn)
        var assigner = SegmentAssigner(rule: .nearestCenter(centers: centers.storage, dimensions: centers.columns))
        try pipeline.forEachRow(in: records, inputColumns: inputColumns, stage: stage) { record, features in
            try writer.write(record, label: features.map { numbering.newLabel[assigner.label(of: $0)] })
            return true
        }
        try writer.finish()
    }
}
