import Foundation
import SegmentCore

extension ClusterCommand {
    /// `cluster --algorithm minibatch-kmeans`: builds a `MiniBatchJob` from
    /// the options (the file is streamed several times, never loaded), runs
    /// it with progress on the terminal and prints its summary.
    static func runMiniBatch(_ options: Options, console: Console) throws {
        let source = try InputOptions.source(options.positionals)
        guard case .file(let path) = source, isRereadable(path) else {
            throw UsageError(message: "--algorithm minibatch-kmeans reads its input several times, so it cannot read standard input, a pipe or a device; save it to a file and pass the path")
        }
        let configuration = try ClusterOptions.miniBatchConfiguration(options.algorithm, runtime: options.runtime)
        let dialect = try options.input.dialect(for: source)
        let progress = TerminalProgress(console: console)
        defer { progress.finish() }
        let job = MiniBatchJob(source: source, dialect: dialect, features: options.features.features.map { .named($0.names) } ?? .automatic,
                               idColumn: options.features.id, missing: options.features.missing, scale: options.features.scale,
                               configuration: configuration, seed: options.runtime.seed, threads: options.runtime.threadCount,
                               labelColumn: options.labels.labelColumn, rows: options.output.destination,
                               centers: options.labels.centers.map { OutputDestination(argument: $0) },
                               model: options.labels.model.map { OutputDestination(argument: $0) },
                               format: options.output.format(report: false), progress: progress.reporter,
                               measuresSilhouette: !console.quiet, silhouetteSampleRows: ClusterOutput.silhouetteRows)
        let result = try job.run()
        progress.finish()
        guard !console.quiet else { return }
        let stop = result.converged ? "stopped early" : "step limit reached"
        console.info("\(result.steps) batches of \(result.batchSize) rows (\(result.epochs) pass\(result.epochs == 1 ? "" : "es") over the data, \(stop)); \(result.passes) reads of the file in all")
        var line = "minibatch-kmeans: k=\(result.k), \(result.rows) rows; sizes \(result.sizes.map(String.init).joined(separator: ", "))"
        if result.unlabelledRows > 0 { line += "; \(result.unlabelledRows) rows with missing values left unlabelled" }
        console.info(line)
        var measures = "silhouette " + (result.silhouette.map { formatNumber($0, decimals: 4) } ?? "n/a (needs 2 or more segments)")
        if result.rows > result.sampleRows { measures += " (sample of \(result.sampleRows) rows)" }
        measures += "; inertia \(formatNumber(result.inertia, decimals: 4))"
        console.info(measures)
    }

    /// Whether `path` can be read more than once: anything but a FIFO, a
    /// device or a socket. A symbolic link counts as what it points to; a
    /// directory or a missing path is reported by the first read.
    static func isRereadable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return true }
        let type = info.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFDIR
    }
}
