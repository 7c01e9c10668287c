import Foundation
import SegmentCore

/// `segment cluster --algorithm dbscan`: options and their translation into
/// `DBSCAN.Configuration`.
extension ClusterOptions {
    /// Options specific to DBSCAN.
    static let dbscanOptions: [OptionSpec] = [
        OptionSpec("eps", value: "X|auto", help: "DBSCAN: neighbourhood radius (distance <= X counts). auto takes the knee of the sorted distances to each row's min-samples-th nearest neighbour and reports it.", default: "auto"),
        OptionSpec("min-samples", value: "N", help: "DBSCAN: rows within --eps, the row itself included, that make a core row (as scikit-learn).", defaultDescription: "2 × features"),
        OptionSpec("metric", value: "NAME", help: "DBSCAN: distance between rows.", default: "euclidean", choices: DistanceMetric.allCases.map(\.rawValue)),
    ]

    /// Runs DBSCAN on the scaled features as the options ask; reports an
    /// automatic eps and warns when nearly everything is noise or one cluster.
    static func runDBSCAN(_ features: Matrix, _ arguments: ParsedArguments, console: Console) throws -> DBSCAN.Result {
        var configuration = DBSCAN.Configuration(threads: try CommonOptions.threads(arguments))
        if let text = arguments.string("eps"), text != "auto" {
            configuration.eps = .value(try arguments.double("eps", exclusiveLowerBound: 0) ?? 0)
        }
        if arguments.has("min-samples") {
            configuration.minSamples = try arguments.int("min-samples", in: 1...Int.max)
        }
        configuration.metric = DistanceMetric(rawValue: arguments.choice("metric") ?? "euclidean") ?? .euclidean
        let result = try DBSCAN(configuration).fit(features)
        if configuration.eps == .automatic {
            console.info("dbscan: eps auto = \(String(format: "%.6g", result.eps)) (knee of the sorted \(result.minSamples)-nearest-neighbour distances)")
        }
        let rows = result.clustering.labels.count
        let noise = result.clustering.noiseCount
        if noise * 2 > rows {
            console.warning("\(noise) of \(rows) rows (\(noise * 100 / max(rows, 1))%) are noise; raise --eps or lower --min-samples")
        } else if result.clustering.segmentCount == 1 {
            console.warning("every clustered row is in one cluster; lower --eps or raise --min-samples")
        }
        return result
    }
}
