import SegmentCore

/// `segment cluster --algorithm minibatch-kmeans`: the translation of the
/// options into `MiniBatchKMeans.Configuration`.
extension ClusterOptions {
    /// The configuration of `--k`, `--batch-size`, `--max-iter` (passes over
    /// the file; the library's default, 100 as scikit-learn), `--tol` (the
    /// library's default 0: off, as scikit-learn's MiniBatchKMeans) and `--seed`.
    static func miniBatchConfiguration(_ options: ClusterAlgorithmOptions, runtime: RuntimeOptions) throws -> MiniBatchKMeans.Configuration {
        guard let k = options.k?.count else {
            throw UsageError(message: "--algorithm minibatch-kmeans needs --k N (choosing k needs the data in memory: run `segment elbow` on a sample first)")
        }
        var configuration = MiniBatchKMeans.Configuration(clusterCount: k)
        configuration.batchSize = options.batchSize
        if let epochs = options.kmeans.maximumIterations { configuration.maximumEpochs = epochs }
        if let tolerance = options.kmeans.tolerance { configuration.tolerance = tolerance }
        configuration.seed = runtime.seed
        configuration.threads = runtime.threadCount
        return configuration
    }
}
