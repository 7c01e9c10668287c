import SegmentBase

/// A clustering of mixed rows in the form the commands use: segments
/// numbered by size, the prototypes or medoids as centres (interleaved
/// layout, category codes as numbers), the rule for new rows and the
/// silhouette under the algorithm's own distance.
public struct MixedFit: Sendable {
    /// The segments; `centers` holds each segment's prototype or medoid.
    public var clustering: Clustering
    /// How a saved model labels a new row.
    public var rule: AssignmentRule
    /// Mean silhouette under `distance` (on a sample for large inputs).
    public var silhouette: Double?
    /// The distance the silhouette (and k-medoids) uses.
    public var distance: MixedDistance
    /// Summary lines for standard error.
    public var notes: [String]
}

/// k-prototypes or k-medoids, ready to fit any k.
public enum MixedClusterer: Sendable {
    /// k-prototypes with these settings (k is replaced).
    case kPrototypes(KPrototypes.Configuration)
    /// k-medoids with these settings (k is replaced), fitted on a seeded
    /// sample of `sampleRows` rows when given.
    case kMedoids(KMedoids.Configuration, sampleRows: Int?)

    /// Fits `k` segments to `rows`.
    /// - Parameter silhouetteRows: rows beyond which the silhouette is computed on a sample.
    public func fit(_ rows: MixedRows, k: Int, silhouetteRows: Int, seed: UInt64, threads: Int) throws -> MixedFit {
        switch self {
        case .kPrototypes(var configuration):
            configuration.clusterCount = k
            let result = try KPrototypes.fit(rows, configuration: configuration)
            let p = rows.numericWidth, q = rows.categoricalWidth
            let centers = Matrix(rows: k, columns: rows.categorical.count, storage: (0..<k).flatMap { segment in
                Self.interleave(numeric: Array(result.numericCenters[(segment * p)..<((segment + 1) * p)]),
                                codes: Array(result.modes[(segment * q)..<((segment + 1) * q)]), categorical: rows.categorical)
            })
            let clustering = Clustering(rawLabels: result.rawLabels, centers: centers, objective: ("cost", result.cost))
            var distance = MixedDistance(metric: .euclidean, numericFactors: [Double](repeating: 1, count: p))
            distance.categoryWeight = result.gamma
            let split = Self.split(clustering.centers!, categorical: rows.categorical)
            let rule = AssignmentRule.prototypes(means: split.numeric, modes: split.codes.map(Int.init), categorical: rows.categorical,
                                                 gamma: result.gamma)
            let restarts = configuration.initialization == .cao || configuration.initialization == .huang ? configuration.restarts : 1
            let notes = ["kprototypes: gamma \(formatNumber(result.gamma, decimals: 6))\(configuration.gamma == nil ? " (0.5 × mean standard deviation of the scaled numeric features)" : ""); \(restarts) run\(restarts == 1 ? "" : "s"), best run \(result.bestRestart + 1): \(result.iterations) iterations (\(result.converged ? "converged" : "iteration limit reached"))"]
            return MixedFit(clustering: clustering, rule: rule,
                            silhouette: MixedSilhouette.sampledScore(rows, labels: clustering.labels, distance: distance,
                                                                     maximumRows: silhouetteRows, seed: seed, threads: threads),
                            distance: distance, notes: notes)
        case .kMedoids(var configuration, let sampleRows):
            configuration.clusterCount = k
            var fitted = rows, chosen: [Int]?
            if let sampleRows, sampleRows < rows.count {
                chosen = Silhouette.sampleRows(count: rows.count, maximumRows: sampleRows, seed: seed)
                fitted = rows.selectingRows(chosen!)
            }
            let result = try KMedoids.fit(fitted, configuration: configuration)
            let medoidRows = result.medoids.map { chosen?[$0] ?? $0 }
            var rawLabels = result.rawLabels, loss = result.loss
            if chosen != nil { (rawLabels, loss) = Self.nearestMedoids(rows, medoids: medoidRows, distance: result.distance, threads: threads) }
            let centers = Matrix(rows: medoidRows.count, columns: rows.categorical.count,
                                 storage: medoidRows.flatMap { rows.interleavedRow($0) })
            let clustering = Clustering(rawLabels: rawLabels, centers: centers, objective: ("loss", loss))
            let rule = AssignmentRule.medoids(medoids: clustering.centers!.storage, categorical: rows.categorical,
                                              metric: configuration.metric.rawValue, numericFactors: result.distance.numericFactors)
            var notes = ["kmedoids: \(configuration.metric.rawValue) distance, FasterPAM from \(configuration.initialization.rawValue): \(result.swaps) swaps in \(result.iterations) passes; distances computed on the fly (no \(fitted.count) × \(fitted.count) matrix)"]
            if let chosen { notes.append("kmedoids: medoids fitted on a random sample of \(chosen.count) of \(rows.count) rows (seed \(seed)); every row then takes its nearest medoid") }
            if medoidRows.count < k { notes.append("kmedoids: only \(medoidRows.count) medoids lower the loss (duplicate rows); k=\(medoidRows.count)") }
            return MixedFit(clustering: clustering, rule: rule,
                            silhouette: MixedSilhouette.sampledScore(rows, labels: clustering.labels, distance: result.distance,
                                                                     maximumRows: silhouetteRows, seed: seed, threads: threads),
                            distance: result.distance, notes: notes)
        }
    }

    /// Each row's nearest medoid (the first on a tie) and the summed distance.
    static func nearestMedoids(_ rows: MixedRows, medoids: [Int], distance: MixedDistance, threads: Int) -> (labels: [Int], loss: Double) {
        let parts = distance.withKernel(rows) { kernel in
            ParallelChunks(count: rows.count, chunkSize: KMedoids.chunkRows, threads: threads).mapChunks { _, range -> (labels: [Int], loss: Double) in
                var labels: [Int] = [], loss = 0.0
                for row in range {
                    var best = 0, bestDistance = kernel.distance(row, medoids[0])
                    for position in 1..<medoids.count {
                        let d = kernel.distance(row, medoids[position])
                        if d < bestDistance {
                            best = position
                            bestDistance = d
                        }
                    }
                    labels.append(best)
                    loss += bestDistance
                }
                return (labels, loss)
            }
        }
        return (parts.flatMap(\.labels), parts.reduce(0) { $0 + $1.loss })
    }

    /// One row in the interleaved layout from its numeric values and codes.
    static func interleave(numeric: [Double], codes: [Int32], categorical: [Bool]) -> [Double] {
        var n = 0, c = 0
        return categorical.map { isCategorical in
            if isCategorical {
                defer { c += 1 }
                return Double(codes[c])
            }
            defer { n += 1 }
            return numeric[n]
        }
    }

    /// Interleaved rows split into row-major numeric values and codes.
    static func split(_ centers: Matrix, categorical: [Bool]) -> (numeric: [Double], codes: [Int32]) {
        var numeric: [Double] = [], codes: [Int32] = []
        for row in 0..<centers.rows {
            for (feature, isCategorical) in categorical.enumerated() {
                if isCategorical { codes.append(Int32(centers[row, feature])) } else { numeric.append(centers[row, feature]) }
            }
        }
        return (numeric, codes)
    }
}
