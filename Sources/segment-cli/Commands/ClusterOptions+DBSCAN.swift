import Foundation
import SegmentCore

/// `segment cluster --algorithm dbscan`: options and their translation into
/// `DBSCAN.Configuration`.
extension ClusterOptions {

    /// Runs DBSCAN on the scaled features as the options ask; reports an
    /// automatic eps and warns when nearly everything is noise or one cluster.
    static func runDBSCAN(_ features: Matrix, _ options: ClusterAlgorithmOptions, threads: Int, console: Console) throws -> DBSCAN.Result {
        var configuration = options.dbscan
        configuration.threads = threads
        switch options.metric {
        case .gower?: throw UsageError(message: "--metric gower applies to kmedoids only; DBSCAN takes euclidean or manhattan")
        case .manhattan?: configuration.metric = .manhattan
        case .euclidean?, nil: configuration.metric = .euclidean
        }
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
