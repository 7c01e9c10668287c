import SegmentCore

/// `segment cluster --algorithm minibatch-kmeans`: options and their
/// translation into `MiniBatchKMeans.Configuration`.
extension ClusterOptions {
    /// Options specific to mini-batch k-means (`--k`, `--max-iter`, `--tol`
    /// and `--seed` are shared).
    static let miniBatchOptions: [OptionSpec] = [
        OptionSpec("batch-size", value: "N", help: "minibatch-kmeans: rows per mini-batch.", default: "1024"),
    ]

    /// The configuration of `--k`, `--batch-size`, `--max-iter` (passes over
    /// the file, default 100 as scikit-learn), `--tol` (default 0: off, as
    /// scikit-learn's MiniBatchKMeans) and `--seed`.
    static func miniBatchConfiguration(_ arguments: ParsedArguments) throws -> MiniBatchKMeans.Configuration {
        guard let k = try KMeansOptions.requestedK(arguments) else {
            throw UsageError(message: "--algorithm minibatch-kmeans needs --k N (choosing k needs the data in memory: run `segment elbow` on a sample first)")
        }
        var configuration = MiniBatchKMeans.Configuration(clusterCount: k)
        configuration.batchSize = try arguments.int("batch-size", in: 1...Int.max) ?? 1024
        configuration.maximumEpochs = arguments.has("max-iter") ? try arguments.int("max-iter", in: 1...1_000_000) ?? 100 : 100
        configuration.tolerance = arguments.has("tol") ? try arguments.double("tol", in: 0...Double.infinity) ?? 0 : 0
        configuration.seed = try CommonOptions.seed(arguments)
        configuration.threads = try CommonOptions.threads(arguments)
        return configuration
    }
}
