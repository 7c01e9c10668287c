import SegmentCore

extension ClusterCommand {
    /// Runs k-means for `cluster`: a fixed k, starting centres from a file,
    /// or k chosen over `--k-range` by `--select` (explained on stderr).
    static func runKMeans(_ prepared: PreparedFeatures, _ options: ClusterAlgorithmOptions, runtime: RuntimeOptions) throws -> ClusterOutcome {
        let data = prepared.features.matrix, kmeans = options.kmeans
        let initialization = try kmeans.initialization(pipeline: prepared.pipeline)
        var requested = options.k?.count
        if case .centers(let centers) = initialization {
            if let requested, requested != centers.rows {
                throw ParameterError("k", "\(parameter: "k") \(requested) disagrees with the \(centers.rows) starting centres of \(parameter: "init"); drop \(parameter: "k") or give \(centers.rows)")
            }
            requested = centers.rows
        }
        var configuration = kmeans.configuration(clusterCount: requested ?? 1, runtime: runtime)
        configuration.initialization = initialization
        let fit: KMeans.Result
        var notes: [String] = []
        var silhouette: Double?
        var selection: KSelection?
        if let requested {
            configuration.clusterCount = requested
            fit = try KMeans.fit(data, configuration: configuration)
        } else {
            let fitting = try kmeans.fittingRange(data: data)
            let evaluated = try KSelection.evaluate(data, range: fitting, configuration: configuration, gap: kmeans.gapSettings(),
                                                    stabilityResamples: kmeans.select == .stability ? kmeans.stabilityResampleCount() : nil)
            let criterion = kmeans.select
            let chosen = evaluated.candidate(k: evaluated.choice(by: criterion).k)!
            fit = chosen.fit
            silhouette = chosen.silhouette
            selection = evaluated
            notes = KSelectionReport.lines(evaluated, criterion: criterion)
        }
        let method = configuration.method.usesBounds(clusterCount: fit.centers.rows) ? "hamerly" : "lloyd"
        let restarts = configuration.initialization == .kMeansPlusPlus || configuration.initialization == .random ? configuration.restarts : 1
        notes.append("\(restarts) restart\(restarts == 1 ? "" : "s"), \(fit.iterations) iterations in the best (\(fit.converged ? "converged" : "iteration limit reached")), \(method)")
        let clustering = fit.clustering
        let resamples = try kmeans.stabilityResampleCount()
        var stability: BootstrapStability?
        if kmeans.stability, let resamples {
            configuration.clusterCount = clustering.segmentCount
            let scored = try BootstrapStability(data, labels: clustering.labels, resamples: resamples, configuration: configuration)
            notes += KSelectionReport.stabilityLines(scored)
            stability = scored
        }
        let rule = AssignmentRule.nearestCenter(centers: clustering.centers!.storage, dimensions: data.columns,
                                                tieOrder: clustering.segmentsByRawLabel)
        return ClusterOutcome(clustering: clustering, rule: rule, notes: notes, silhouette: silhouette, selection: selection,
                              stability: stability)
    }
}
