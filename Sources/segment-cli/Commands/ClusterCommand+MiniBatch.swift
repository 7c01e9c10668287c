import Foundation
import SegmentCore

extension ClusterCommand {
    /// `cluster --algorithm minibatch-kmeans`: streams the input file in
    /// bounded memory, never loading it. Passes: the feature pipeline (one or
    /// two, see `StreamingFeatureFit`), mini-batch epochs until a stopping
    /// rule fires, one pass measuring sizes and inertia, one writing the
    /// labelled rows (segments numbered by decreasing size).
    static func runMiniBatch(_ options: Options, console: Console) throws {
        let source = try InputOptions.source(options.positionals)
        guard case .file(let path) = source, isRereadable(path) else {
            throw UsageError(message: "--algorithm minibatch-kmeans reads its input several times, so it cannot read standard input or a pipe; save it to a file and pass the path")
        }
        var configuration = try ClusterOptions.miniBatchConfiguration(options.algorithm, runtime: options.runtime)
        let dialect = try options.input.dialect(for: source)
        let threads = options.runtime.threadCount
        let seed = options.runtime.seed
        let prefix = try TableLoader.loadPrefix(source, dialect: dialect, rows: StreamingFeatureFit.prefixRows, threads: threads)
        guard prefix.rowCount > 0 else {
            throw SegmentError.invalidInput("\(prefix.source): the file has a header but no data rows")
        }
        let labelColumn = try options.labels.labelColumn(for: prefix)
        let (idColumn, featureColumns) = try options.features.chooseColumns(prefix)
        let progress = TerminalProgress(console: console)
        defer { progress.finish() }
        let records = FileRecords(source, dialect: dialect, progress: progress.reporter)

        let fitted = try StreamingFeatureFit.fit(records, prefix: prefix, featureColumns: featureColumns,
                                                 missing: options.features.missing, scale: options.features.scale,
                                                 sampleRows: configuration.initializationSampleSize, seed: seed)
        let pipeline = fitted.pipeline
        let fitPasses = pipeline.columns.contains { $0.encoding != .numeric } || ![.error, .drop].contains(pipeline.missingPolicy) ? 2 : 1
        configuration.threads = threads
        let model = try MiniBatchKMeans.fit(records, pipeline: pipeline, inputColumns: featureColumns, sample: fitted.sample,
                                            rowCount: fitted.featureRowCount, configuration: configuration, firstPass: fitPasses + 1)
        let passes = fitPasses + model.epochs + 2
        let measured = try MiniBatchKMeans.measure(records, pipeline: pipeline, inputColumns: featureColumns, centers: model.centers,
                                                   sampleRows: ClusterOutput.silhouetteRows, seed: seed,
                                                   stage: "pass \(passes - 1): measuring")
        let numbering = SegmentNumbering(sizes: measured.sizes, firstRows: measured.firstRows)
        let centers = model.centers.selectingRows(numbering.order)
        let sizes = numbering.order.map { measured.sizes[$0] }
        // The extras first, then the rows; all are renamed into place together.
        let outputs = OutputBatch()
        if let path = options.labels.centers {
            try ClusterOutput.writeCenters(centers, sizes: sizes, pipeline: pipeline, labelColumn: labelColumn, path: path, outputs: outputs)
        }
        if let path = options.labels.model {
            let rule = AssignmentRule.nearestCenter(centers: centers.storage, dimensions: centers.columns, tieOrder: numbering.segmentsByRawLabel)
            let saved = SegmentModel(algorithm: "minibatch-kmeans", pipeline: pipeline, idColumn: idColumn.map { prefix.columnNames[$0] },
                                     labelColumn: labelColumn, rule: rule)
            try ClusterOutput.writeModel(saved, path: path, outputs: outputs)
        }
        try writeMiniBatchRows(records, pipeline: pipeline, inputColumns: featureColumns, centers: model.centers,
                               numbering: numbering, columnNames: prefix.columnNames, labelColumn: labelColumn, output: options.output,
                               outputs: outputs, stage: "pass \(passes): writing")
        progress.finish()
        try outputs.commitAll()
        guard !console.quiet else { return }
        let stop = model.converged ? "stopped early" : "step limit reached"
        console.info("\(model.steps) batches of \(model.batchSize) rows (\(model.epochs) pass\(model.epochs == 1 ? "" : "es") over the data, \(stop)); \(passes) reads of the file in all")
        var line = "minibatch-kmeans: k=\(centers.rows), \(fitted.featureRowCount) rows; sizes \(sizes.map(String.init).joined(separator: ", "))"
        if fitted.featureRowCount < fitted.rowCount { line += "; \(fitted.rowCount - fitted.featureRowCount) rows with missing values left unlabelled" }
        console.info(line)
        let sampleLabels = measured.sampleLabels.map { numbering.newLabel[$0] }
        let silhouette = Silhouette.score(measured.sample, labels: sampleLabels, threads: threads)
        var measures = "silhouette " + (silhouette.map { formatNumber($0, decimals: 4) } ?? "n/a (needs 2 or more segments)")
        if fitted.featureRowCount > measured.sample.rows { measures += " (sample of \(measured.sample.rows) rows)" }
        measures += "; inertia \(formatNumber(measured.inertia, decimals: 4))"
        console.info(measures)
    }

    /// Whether `path` can be read more than once: a regular file, or a path
    /// that cannot be opened at all (reported by the first read).
    static func isRereadable(_ path: String) -> Bool {
        guard let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else { return true }
        return type == .typeRegular
    }

    /// The writing pass: every input record unchanged plus its segment
    /// (nearest of `centers`, renumbered by `numbering`; empty for rows
    /// without features) under the header `columnNames` + `labelColumn`.
    static func writeMiniBatchRows(_ records: FileRecords, pipeline: FeaturePipeline, inputColumns: [Int], centers: Matrix,
                                   numbering: SegmentNumbering, columnNames: [String], labelColumn: String, output: OutputOptions,
                                   outputs: OutputBatch, stage: String) throws {
        let sink = try outputs.open(output.destination)
        let writer = try RecordWriter(sink: sink, format: output.format(report: false), header: columnNames + [labelColumn])
        var assigner = SegmentAssigner(rule: .nearestCenter(centers: centers.storage, dimensions: centers.columns))
        var values: [OutputValue] = []
        try pipeline.forEachRow(in: records, inputColumns: inputColumns, stage: stage) { record, features in
            let label: OutputValue = features.map { .integer(numbering.newLabel[assigner.label(of: $0)]) } ?? .missing
            if writer.passesCellsThrough {
                try writer.write(cells: record.field, count: record.count, appending: [label])
            } else {
                values.removeAll(keepingCapacity: true)
                for field in 0..<record.count { values.append(AssignCommand.passThrough(record.field(field))) }
                values.append(label)
                try writer.write(values)
            }
            return true
        }
        try writer.finish()
    }
}
