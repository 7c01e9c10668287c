import SegmentCore

/// `segment cluster --algorithm kprototypes|kmedoids`: options and their
/// translation into a `MixedClusterer`, with k fixed or chosen over
/// `--k-range` by silhouette or by the knee of the cost curve.
extension ClusterOptions {
    /// Rows above which k-medoids needs `--sample`: its swap search
    /// compares every pair of rows on each pass.
    static let kMedoidsRowLimit = 50_000

    /// Gower distances between 9-feature rows per second on one core
    /// (measured with bench/run_mixed.sh), for the refusal's estimate.
    static let distancesPerSecondPerCore = 1.5e8

    /// The criteria `--select` may name for these algorithms.
    static let mixedCriteria: [SelectionCriterion] = [.silhouette, .elbow]

    /// Fits the algorithm of `options` on the prepared features.
    static func runMixed(_ prepared: PreparedFeatures, _ options: ClusterAlgorithmOptions, runtime: RuntimeOptions) throws -> ClusterOutcome {
        let rows = try mixedRows(prepared, algorithm: options.algorithm)
        let clusterer = try mixedClusterer(options, rows: rows, runtime: runtime)
        let silhouetteRows = ClusterOutput.silhouetteRows
        if let k = options.k?.count {
            let fit = try clusterer.fit(rows, k: k, silhouetteRows: silhouetteRows, seed: runtime.seed, threads: runtime.threadCount)
            return ClusterOutcome(clustering: fit.clustering, rule: fit.rule, notes: fit.notes, silhouette: fit.silhouette)
        }
        let selection = try MixedKSelection.evaluate(rows, clusterer: clusterer, range: options.kmeans.kRange.range,
                                                     silhouetteRows: silhouetteRows, seed: runtime.seed, threads: runtime.threadCount)
        let criterion = try mixedCriterion(options.kmeans.select)
        let chosen = selection.choice(by: criterion)
        let fit = selection.candidates.first { $0.k == chosen.k }!.fit
        return ClusterOutcome(clustering: fit.clustering, rule: fit.rule,
                              notes: MixedKSelectionReport.lines(selection, criterion: criterion) + fit.notes, silhouette: fit.silhouette)
    }

    /// `--select` for these algorithms.
    static func mixedCriterion(_ criterion: SelectionCriterion) throws -> SelectionCriterion {
        guard mixedCriteria.contains(criterion) else {
            throw UsageError(message: "--select \(criterion.rawValue) is for k-means; kprototypes and kmedoids choose k by silhouette or elbow")
        }
        return criterion
    }

    /// The prepared features split into numeric values and category codes.
    /// - Throws: `ParameterError` when k-prototypes lacks a numeric or a
    ///   categorical feature.
    static func mixedRows(_ prepared: PreparedFeatures, algorithm: ClusterAlgorithm) throws -> MixedRows {
        let pipeline = prepared.pipeline
        let rows = MixedRows(prepared.features.matrix, categorical: pipeline.categoricalFeatures, levels: pipeline.categoryLevels)
        if algorithm == .kprototypes {
            if rows.categoricalWidth == 0 {
                throw ParameterError("features", "kprototypes needs a categorical feature (a text column with repeated values) besides the numeric ones, and \(parameter: "features") has none; add one, or use \(parameter: "algorithm") kmeans for numbers only")
            }
            if rows.numericWidth == 0 {
                throw ParameterError("features", "kprototypes needs a numeric feature besides the categories, and \(parameter: "features") has none; add one, or use \(parameter: "algorithm") kmedoids \(parameter: "metric") gower, which works on categories alone")
            }
        }
        return rows
    }

    /// The configured algorithm; refuses k-medoids above the row limit
    /// without `--sample`, with the work it would take.
    static func mixedClusterer(_ options: ClusterAlgorithmOptions, rows: MixedRows, runtime: RuntimeOptions) throws -> MixedClusterer {
        let maximumIterations = options.kmeans.maximumIterations
        switch options.algorithm {
        case .kprototypes:
            var configuration = KPrototypes.Configuration(clusterCount: 1)
            configuration.gamma = options.gamma
            switch options.kmeans.start {
            case .cao, .kMeansPlusPlus: configuration.initialization = .cao
            case .huang: configuration.initialization = .huang
            default:
                throw UsageError(message: "--init \(options.kmeans.start.optionText) does not start kprototypes; give cao or huang")
            }
            configuration.restarts = options.kmeans.restarts
            if let maximumIterations { configuration.maximumIterations = maximumIterations }
            configuration.seed = runtime.seed
            configuration.threads = runtime.threadCount
            return .kPrototypes(configuration)
        default:
            var configuration = KMedoids.Configuration(clusterCount: 1)
            configuration.metric = options.metric ?? .gower
            switch options.kmeans.start {
            case .build, .kMeansPlusPlus: configuration.initialization = .build
            case .random: configuration.initialization = .random
            default:
                throw UsageError(message: "--init \(options.kmeans.start.optionText) does not start kmedoids; give build or random")
            }
            if let maximumIterations { configuration.maximumIterations = maximumIterations }
            configuration.seed = runtime.seed
            configuration.threads = runtime.threadCount
            let fitted = min(options.sample ?? rows.count, rows.count)
            if fitted > kMedoidsRowLimit && (options.sample == nil) {
                let distances = Double(fitted) * Double(fitted)
                let seconds = distances / (distancesPerSecondPerCore * Double(max(runtime.threadCount, 1)))
                throw SegmentError.invalidInput("kmedoids on \(fitted) rows computes \(formatNumber(distances / 1e9, decimals: 1)) billion distances on every pass of its swap search and k times that to start (about \(formatNumber(seconds / 60, decimals: 0)) min per pass on \(runtime.threadCount) cores; a stored distance matrix would take \(MemoryBudget.describe(Int(distances * 8)))); above \(kMedoidsRowLimit) rows fit the medoids on a sample, e.g. --sample 20000 (every row then takes its nearest medoid), or use --algorithm kprototypes, which is linear in the rows")
            }
            return .kMedoids(configuration, sampleRows: options.sample)
        }
    }
}
