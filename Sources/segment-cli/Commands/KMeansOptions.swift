import Foundation
import SegmentCore

/// The k-means options of `cluster` and `elbow` (see `../shared/CLI.md`) and
/// their translation into a `KMeans.Configuration`.
enum KMeansOptions {
    /// Choosing k automatically.
    static let selection: [OptionSpec] = [
        OptionSpec("k-range", value: "LOW-HIGH", help: "The k values tried by --k auto and elbow.", default: "2-10"),
        OptionSpec("select", value: "CRITERION", help: "How --k auto picks k: highest silhouette, knee of the inertia curve, highest Calinski-Harabasz, lowest Davies-Bouldin.",
                   default: "silhouette", choices: SelectionCriterion.allCases.map(\.rawValue)),
    ]

    /// Running k-means.
    static let fitting: [OptionSpec] = [
        OptionSpec("n-init", value: "N", help: "Restarts with different k-means++ or random seeds; the lowest inertia wins.", default: "10"),
        OptionSpec("max-iter", value: "N", help: "Iteration limit per restart (minibatch-kmeans: passes over the file, default 100).", default: "300"),
        OptionSpec("tol", value: "X", help: "Stop when the summed squared centre shift is at most X times the mean feature variance (as scikit-learn; minibatch-kmeans: per batch, off unless given).", default: "1e-4"),
        OptionSpec("method", value: "METHOD", help: "Exact algorithm: plain Lloyd, or Lloyd with Hamerly's bounds (same result, fewer distance computations); auto uses Hamerly for k >= 3.",
                   default: "auto", choices: KMeans.Method.allCases.map(\.rawValue)),
    ]

    /// The options only `cluster` has.
    static let clusterOnly: [OptionSpec] = [
        OptionSpec("k", value: "N|auto", help: "Number of segments, or auto to choose it over --k-range by --select.", default: "auto"),
        OptionSpec("init", value: "k-means++|random|FILE", help: "Starting centres: greedy k-means++, random rows, or a CSV of centres in the scaled feature space (one row per centre; columns named like the features or in feature order), which fixes k and runs once.",
                   default: "k-means++"),
    ]

    /// The configuration for k clusters (k may be replaced later by k selection).
    static func configuration(_ arguments: ParsedArguments, clusterCount: Int) throws -> KMeans.Configuration {
        var configuration = KMeans.Configuration(clusterCount: clusterCount)
        configuration.restarts = try arguments.int("n-init", in: 1...10_000) ?? 10
        configuration.maximumIterations = try arguments.int("max-iter", in: 1...1_000_000) ?? 300
        configuration.tolerance = try arguments.double("tol", in: 0...Double.infinity) ?? 1e-4
        configuration.method = KMeans.Method(rawValue: arguments.choice("method") ?? "auto") ?? .auto
        configuration.seed = try CommonOptions.seed(arguments)
        configuration.threads = try CommonOptions.threads(arguments)
        return configuration
    }

    /// `--k-range` as a range of at least one k ≥ 1.
    static func kRange(_ arguments: ParsedArguments) throws -> ClosedRange<Int> {
        let text = arguments.string("k-range") ?? "2-10"
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) else {
            throw UsageError(message: "--k-range expects LOW-HIGH such as 2-10, got '\(text)'")
        }
        guard low >= 1, high >= 1 else {
            throw UsageError(message: "--k-range needs 1 <= LOW <= HIGH, got '\(text)'")
        }
        guard low <= high else {
            throw UsageError(message: "--k-range needs 1 <= LOW <= HIGH, got '\(text)'; did you mean '\(high)-\(low)'?")
        }
        return low...high
    }

    /// The k values `cluster --k auto` and `report` fit: `--k-range`, its top
    /// cut to the number of rows (the lower end kept, so a too-small input
    /// fails with k-means' own message).
    static func fittingRange(_ arguments: ParsedArguments, data: Matrix) throws -> ClosedRange<Int> {
        try KSelection.feasibleRange(try kRange(arguments), for: data)
    }

    /// The selection criterion of `--select`.
    static func criterion(_ arguments: ParsedArguments) -> SelectionCriterion {
        SelectionCriterion(rawValue: arguments.choice("select") ?? "silhouette") ?? .silhouette
    }

    /// `--k`: a number, or `nil` for auto.
    static func requestedK(_ arguments: ParsedArguments) throws -> Int? {
        let text = arguments.string("k") ?? "auto"
        if text == "auto" { return nil }
        guard let k = Int(text), k >= 1 else {
            throw UsageError(message: "--k expects a whole number of at least 1 or 'auto', got '\(text)'")
        }
        return k
    }

    /// The seeding of `--init`; a file is read as centres in the scaled space of `pipeline`.
    static func initialization(_ arguments: ParsedArguments, pipeline: FeaturePipeline) throws -> KMeans.Initialization {
        switch arguments.string("init") ?? "k-means++" {
        case "k-means++": return .kMeansPlusPlus
        case "random": return .random
        case let path: return .centers(try startingCenters(path, pipeline: pipeline))
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
