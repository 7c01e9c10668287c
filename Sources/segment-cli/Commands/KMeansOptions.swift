import Foundation
import SegmentCore

/// The k-means options of `cluster`, `elbow` and `report` (see docs/CLI.md)
/// and their translation into a `KMeans.Configuration`; defaults are the
/// library's (`KMeans.Configuration`).
struct KMeansOptions: Sendable {
    /// The k values `--k auto` and `elbow` try.
    var kRange = KRange(2...10)
    /// How `--k auto` picks k.
    var select = SelectionCriterion.silhouette
    /// `--n-init`.
    var restarts = KMeans.Configuration(clusterCount: 1).restarts
    /// `--max-iter`; `nil` keeps the algorithm's own default (k-means and
    /// mini-batch k-means differ).
    var maximumIterations: Int?
    /// `--tol`; `nil` keeps the algorithm's own default.
    var tolerance: Double?
    /// `--method`.
    var method = KMeans.Configuration(clusterCount: 1).method
    /// `--init`.
    var start = KMeansStart.kMeansPlusPlus
    /// `--gap-b`: reference sets of the gap statistic; `nil` when not given.
    var gapReferenceSets: Int?
    /// `--gap-rule`; `nil` when not given.
    var gapRule: GapStatistic.Rule?

    /// The gap statistic's reference sets when `--gap-b` is not given (as `cluster::clusGap`'s `B`).
    static let defaultGapReferenceSets = 100
    /// `--stability`: score each segment's bootstrap stability (`cluster`).
    var stability = false
    /// `--stability-b`: bootstrap resamples; `nil` when not given.
    var stabilityResamples: Int?
    /// The bootstrap resamples when `--stability-b` is not given (as `fpc::clusterboot`'s `B`).
    static let defaultStabilityResamples = 100

    /// `--stability-b` (`cluster` and `elbow`).
    static let stabilityResampleOption: Option<KMeansOptions> = .int(
        "stability-b", \.stabilityResamples, in: 1...100_000,
        help: "Bootstrap stability: resamples, each reclustered with the same settings (fpc::clusterboot's B).",
        defaultDescription: String(defaultStabilityResamples))

    /// `--stability` (`cluster`).
    static let stabilityOption: Option<KMeansOptions> = .flag(
        "stability", \.stability,
        help: "Also score each segment's bootstrap stability (mean Jaccard over --stability-b resamples, as fpc::clusterboot) on standard error.")

    /// Choosing k automatically.
    static let selection: [Option<KMeansOptions>] = [
        .value("k-range", \.kRange, "LOW-HIGH", help: "The k values tried by --k auto and elbow."),
        .value("select", \.select, "CRITERION", help: "How --k auto picks k: highest silhouette, knee of the inertia curve, highest Calinski-Harabasz, lowest Davies-Bouldin, the gap statistic (--gap-rule), or the highest bootstrap stability (k >= 2)."),
        .int("gap-b", \.gapReferenceSets, in: 1...100_000, help: "Gap statistic: uniform reference sets in the box of the PCA-rotated data (cluster::clusGap's B).",
             defaultDescription: String(defaultGapReferenceSets)),
        .value("gap-rule", \.gapRule, "RULE", help: "Gap statistic: how the gap curve picks k (cluster::maxSE; firstSEmax: the smallest k within one standard error of the first local maximum).",
               defaultDescription: GapStatistic.Rule.firstSEmax.rawValue),
    ]

    /// Running k-means.
    static let fitting: [Option<KMeansOptions>] = {
        let kmeans = KMeans.Configuration(clusterCount: 1), minibatch = MiniBatchKMeans.Configuration(clusterCount: 1)
        return [
            .int("n-init", \.restarts, in: 1...10_000, help: "Restarts with different k-means++ or random seeds; the lowest inertia wins."),
            .int("max-iter", \.maximumIterations, in: 1...1_000_000,
                 help: "Iteration limit per restart (minibatch-kmeans: passes over the file, default \(minibatch.maximumEpochs)).",
                 defaultDescription: String(kmeans.maximumIterations)),
            .value("tol", \.tolerance, "X",
                   help: "Stop when the summed squared centre shift is at most X times the mean feature variance (as scikit-learn; minibatch-kmeans: per batch, off unless given).",
                   defaultDescription: OptionNumbers.format(kmeans.tolerance)) {
                try OptionNumbers.double($0, in: 0...Double.infinity, exclusiveLowerBound: nil, option: $1)
            },
            .value("method", \.method, "METHOD", help: "Exact algorithm: plain Lloyd, or Lloyd with Hamerly's bounds (same result, fewer distance computations); auto uses Hamerly for k >= 3."),
        ]
    }()

    /// The starting centres (`cluster` and `report` only).
    static let starting: [Option<KMeansOptions>] = [
        .value("init", \.start, "METHOD|FILE", help: "Starting centres. k-means: greedy k-means++ (default), random rows, or a CSV of centres in the scaled feature space (one row per centre; columns named like the features or in feature order), which fixes k and runs once. kprototypes: cao (default) or huang. kmedoids: build (default) or random.").readsFile(),
    ]

    /// The configuration for k clusters (k may be replaced later by k selection).
    func configuration(clusterCount: Int, runtime: RuntimeOptions) -> KMeans.Configuration {
        var configuration = KMeans.Configuration(clusterCount: clusterCount)
        configuration.restarts = restarts
        if let maximumIterations { configuration.maximumIterations = maximumIterations }
        if let tolerance { configuration.tolerance = tolerance }
        configuration.method = method
        configuration.seed = runtime.seed
        configuration.threads = runtime.threadCount
        return configuration
    }

    /// The gap statistic's settings when it is computed: with `--select gap`,
    /// or when `requested` is true (`elbow --criteria gap`; `nil` for the
    /// commands without `--criteria`).
    /// - Throws: `UsageError` for `--gap-b` or `--gap-rule` when the gap is not computed.
    func gapSettings(requested: Bool? = nil) throws -> (referenceSets: Int, rule: GapStatistic.Rule)? {
        guard requested == true || select == .gap else {
            if gapReferenceSets != nil || gapRule != nil {
                let given = gapReferenceSets != nil ? "--gap-b" : "--gap-rule"
                let fix = requested == nil ? "add --select gap" : "add --criteria gap"
                throw UsageError(message: "\(given) applies only when the gap statistic is computed: \(fix)")
            }
            return nil
        }
        return (gapReferenceSets ?? Self.defaultGapReferenceSets, gapRule ?? .firstSEmax)
    }

    /// The bootstrap resamples when stability is scored: with `--select
    /// stability`, `--stability` or when `requested` is true (`elbow
    /// --criteria stability`; `nil` for the commands without `--criteria`).
    /// - Throws: `UsageError` for `--stability-b` when stability is not scored.
    func stabilityResampleCount(requested: Bool? = nil) throws -> Int? {
        guard requested == true || stability || select == .stability else {
            if stabilityResamples != nil {
                let fix = requested == nil ? "add --stability" : "add --criteria stability"
                throw UsageError(message: "--stability-b applies only when stability is scored: \(fix)")
            }
            return nil
        }
        return stabilityResamples ?? Self.defaultStabilityResamples
    }

    /// The k values `cluster --k auto` and `report` fit: `--k-range`, its top
    /// cut to the number of rows (the lower end kept, so a too-small input
    /// fails with k-means' own message).
    func fittingRange(data: Matrix) throws -> ClosedRange<Int> {
        try KSelection.feasibleRange(kRange.range, for: data)
    }

    /// The seeding of `--init`; a file is read as centres in the scaled space of `pipeline`.
    func initialization(pipeline: FeaturePipeline) throws -> KMeans.Initialization {
        switch start {
        case .kMeansPlusPlus: return .kMeansPlusPlus
        case .random: return .random
        case .file(let path): return .centers(try Self.startingCenters(path, pipeline: pipeline))
        case .cao, .huang, .build:
            throw UsageError(message: "--init \(start.optionText) starts \(start == .build ? "kmedoids" : "kprototypes"), not k-means; k-means takes k-means++, random or a file of centres")
        }
    }

    /// Reads starting centres: columns matched by feature name when all are
    /// present, else taken in order when the file has exactly one column per feature.
    static func startingCenters(_ path: String, pipeline: FeaturePipeline) throws -> Matrix {
        let source = InputSource(argument: path)
        let table = try TableLoader.load(source, dialect: try CSVDialect.forSource(source, delimiter: nil, hasHeader: true), threads: 1)
        let names = pipeline.outputNames
        let columns: [Int]
        let byName = names.compactMap(table.columnIndex(named:))
        if byName.count == names.count {
            columns = byName
        } else if table.columnCount == names.count {
            columns = Array(0..<names.count)
        } else {
            throw SegmentError.invalidData(file: table.source, line: 1, column: nil,
                                           message: "expected one column per feature (\(names.joined(separator: ", "))), found \(table.columnCount) columns (\(table.columnNames.joined(separator: ", ")))")
        }
        guard table.rowCount > 0 else {
            throw SegmentError.invalidData(file: table.source, line: 1, column: nil, message: "expected one row per starting centre, found none")
        }
        var centers = Matrix(rows: table.rowCount, columns: names.count)
        try table.withCells { cells in
            for row in 0..<table.rowCount {
                for (feature, column) in columns.enumerated() {
                    let cell = CellParsing.trimmingSpaces(cells.cell(row: row, column: column))
                    guard let number = CellParsing.parseNumber(cell) else {
                        throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: table.columnNames[column],
                                                       message: "expected a number, found \(MessageText.quoted(cell))")
                    }
                    centers[row, feature] = number.value
                }
            }
        }
        return centers
    }
}
