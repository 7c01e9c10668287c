import SegmentBase

extension MiniBatchKMeans {
    /// Hyper-parameters, with scikit-learn's `MiniBatchKMeans` defaults.
    public struct Configuration: Sendable, Equatable {
        /// Number of clusters k.
        public var clusterCount: Int
        /// Rows per mini-batch (`batch_size`, 1024).
        public var batchSize = 1024
        /// Passes over the data at most (`max_iter`, 100): the run stops after
        /// `⌊maximumEpochs × n / batchSize⌋` batches.
        public var maximumEpochs = 100
        /// Rows of the sample the k-means++ seeding runs on (`init_size`);
        /// `nil`: 3 × batch size, at least 3 × k.
        public var initializationSize: Int?
        /// k-means++ seedings on the sample; the lowest sample inertia wins
        /// (`n_init`, 3: scikit-learn's default before 1.4).
        public var restarts = 3
        /// A centre is moved to a random batch row when its count falls below
        /// this share of the largest count (`reassignment_ratio`, 0.01).
        public var reassignmentRatio = 0.01
        /// Stop after this many batches without improvement of the smoothed
        /// batch inertia (`max_no_improvement`, 10; `nil`: never).
        public var maximumNoImprovement: Int? = 10
        /// Stop when the summed squared centre change of a batch is at most
        /// this times the mean feature variance (of the seeding sample;
        /// scikit-learn's `tol` uses the whole data). 0 (the default)
        /// disables the test.
        public var tolerance = 0.0
        /// Seed of the seeding and reassignment draws.
        public var seed: UInt64 = 0
        /// Threads of the k-means++ seeding on the sample.
        public var threads = availableCores

        /// A configuration for `clusterCount` clusters with default settings.
        public init(clusterCount: Int) {
            self.clusterCount = clusterCount
        }

        /// Checks the parameters against `rowCount` rows, as scikit-learn does.
        /// - Throws: `ParameterError` naming both numbers.
        func validate(rowCount: Int) throws {
            guard clusterCount >= 1 else { throw ParameterError("k", "\(parameter: "k") must be at least 1, got \(clusterCount)") }
            guard rowCount >= clusterCount else {
                throw ParameterError("k", "the data has \(rowCount) rows with features, fewer than \(parameter: "k") \(clusterCount); lower \(parameter: "k")")
            }
            guard batchSize >= 1 else { throw ParameterError("batch-size", "\(parameter: "batch-size") must be at least 1, got \(batchSize)") }
            guard maximumEpochs >= 1 else { throw ParameterError("max-iter", "\(parameter: "max-iter") must be at least 1, got \(maximumEpochs)") }
        }

        /// The batch size used on `rowCount` rows (never more than the rows).
        func effectiveBatchSize(rowCount: Int) -> Int { min(batchSize, rowCount) }

        /// Rows to sample for the seeding before the row count is known:
        /// a sample of this size from a file of n rows holds
        /// `min(n, init_size)` rows, as scikit-learn's.
        public var initializationSampleSize: Int { effectiveInitializationSize(rowCount: Int.max) }

        /// The seeding sample size used on `rowCount` rows.
        func effectiveInitializationSize(rowCount: Int) -> Int {
            var size = initializationSize ?? 3 * effectiveBatchSize(rowCount: rowCount)
            if size < clusterCount { size = 3 * clusterCount }
            return min(size, rowCount)
        }
    }
}
