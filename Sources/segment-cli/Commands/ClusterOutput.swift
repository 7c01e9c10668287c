import SegmentCore

/// The outputs every `segment cluster` algorithm shares: the labelled rows,
/// `--centers`, `--model` and the summary on standard error.
enum ClusterOutput {
    /// The label column `cluster` writes, and the one `score`, `profile`,
    /// `report` and `recommend --segments` read when none is named.
    static let defaultLabelColumn = "segment"

    /// Rows beyond which the summary silhouette is computed on a sample.
    static let silhouetteRows = 5_000

    /// The output options of `cluster`: the label column, `--model` and `--centers`.
    struct Options: Sendable {
        /// The name of the added label column.
        var labelColumn = ClusterOutput.defaultLabelColumn
        /// Where to save the model, if anywhere.
        var model: String?
        /// Where to write the centres, if anywhere.
        var centers: String?

        /// The options.
        static let declarations: [Option<Options>] = [
            .value("label-column", \.labelColumn, "NAME", help: "Name of the added label column."),
            .value("model", \.model, "FILE", help: "Save a model (JSON) that `segment assign` uses to label new rows.").writesFile(),
            .value("centers", \.centers, "FILE", help: "Write each segment's size and centre in original units as CSV (one-hot columns as shares).").writesFile(),
        ]

        /// The label column name; it must not already be a column of `table`.
        func labelColumn(for table: Table) throws -> String {
            try LabelledRowsWriter.checkLabelColumn(labelColumn, newTo: table)
            return labelColumn
        }
    }

    /// Writes every table row plus its label (empty for rows without features)
    /// to `-o` (committed with the other outputs of `outputs`) or standard output.
    /// With `stability`, a `stability` column gives each row its segment's value.
    static func writeRows(_ table: Table, features: FeatureMatrix, clustering: Clustering, labelColumn: String,
                          stability: BootstrapStability? = nil, output: OutputOptions, threads: Int, outputs: OutputBatch) throws {
        var labelOfRow = [Int?](repeating: nil, count: table.rowCount)
        for (matrixRow, tableRow) in features.tableRows.enumerated() { labelOfRow[tableRow] = clustering.labels[matrixRow] }
        let sink = try outputs.open(output.destination)
        if let stability {
            if table.columnIndex(named: ProfileColumns.stabilityColumn) != nil {
                throw UsageError(message: "--stability adds a column '\(ProfileColumns.stabilityColumn)', which the input already has; rename that column")
            }
            let writer = try LabelledRowsWriter(sink: sink, format: output.format(report: false), columnNames: table.columnNames,
                                                labelColumn: labelColumn, valueColumn: ProfileColumns.stabilityColumn)
            try writer.write(rowsOf: table, labels: labelOfRow, valueOfSegment: stability.segmentMeans)
            return try writer.finish()
        }
        let writer = try LabelledRowsWriter(sink: sink, format: output.format(report: false), columnNames: table.columnNames,
                                            labelColumn: labelColumn)
        try writer.write(rowsOf: table, labels: labelOfRow, threads: threads)
        try writer.finish()
    }

    /// Writes `--centers` and `--model` when asked for, as part of `outputs`.
    static func writeExtras(_ prepared: PreparedFeatures, outcome: ClusterOutcome, algorithm: String, table: Table,
                            labelColumn: String, options: Options, outputs: OutputBatch) throws {
        if let path = options.centers {
            guard let centers = outcome.clustering.centers else {
                throw ParameterError("centers", "\(parameter: "centers"): \(parameter: "algorithm") \(algorithm) has no centres")
            }
            try ClusterFiles.writeCenters(centers, sizes: outcome.clustering.sizes, pipeline: prepared.pipeline,
                                          labelColumn: labelColumn, to: OutputDestination(argument: path), outputs: outputs)
        }
        if let path = options.model {
            guard let rule = outcome.rule else {
                throw ParameterError("model", "\(parameter: "model"): \(parameter: "algorithm") \(algorithm) cannot assign new rows")
            }
            let model = SegmentModel(algorithm: algorithm, pipeline: prepared.pipeline,
                                     idColumn: prepared.idColumn.map { table.columnNames[$0] }, labelColumn: labelColumn, rule: rule)
            try ClusterFiles.writeModel(model, to: OutputDestination(argument: path), outputs: outputs)
        }
    }

    /// The silhouette the summary reports: the algorithm's own, or one
    /// computed on a sample of `silhouetteRows` rows (`nil` with fewer than
    /// two segments).
    static func summarySilhouette(_ outcome: ClusterOutcome, features: Matrix, runtime: RuntimeOptions) -> Double? {
        outcome.silhouette
            ?? Silhouette.sampledScore(features, labels: outcome.clustering.labels, maximumRows: silhouetteRows, seed: runtime.seed,
                                       threads: runtime.threadCount)
    }

    /// The summary on standard error: algorithm, k, sizes, silhouette
    /// (`summarySilhouette`), objective.
    static func summarize(_ outcome: ClusterOutcome, algorithm: String, features: Matrix, silhouette: Double?, console: Console) {
        guard !console.quiet else { return }
        let clustering = outcome.clustering
        for note in outcome.notes { console.info(note) }
        var line = "\(algorithm): k=\(clustering.segmentCount), \(features.rows) rows; sizes \(clustering.sizes.map(String.init).joined(separator: ", "))"
        if clustering.noiseCount > 0 { line += "; noise \(clustering.noiseCount)" }
        console.info(line)
        var measures = "silhouette " + (silhouette.map { formatNumber($0, decimals: 4) } ?? "n/a (needs 2 or more segments)")
        if features.rows > silhouetteRows { measures += " (sample of \(silhouetteRows) rows)" }
        if let objective = clustering.objective { measures += "; \(objective.name) \(formatNumber(objective.value, decimals: 4))" }
        console.info(measures)
    }
}
