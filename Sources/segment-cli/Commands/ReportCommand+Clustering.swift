import SegmentCore

extension ReportCommand {
    /// Clusters `table` as `segment cluster` would with the same options and
    /// builds the report of the run: profiles and scatter of the clustering
    /// features, k-selection curves for k-means, the silhouette of every row
    /// (sampled beyond 10000 rows) and the dendrogram of an agglomerative run.
    static func clusteredReport(_ table: Table, _ options: Options, console: Console) throws -> Report {
        let seed = options.runtime.seed, threads = options.runtime.threadCount
        let prepared = try options.features.prepare(table, threads: threads, for: options.algorithm.algorithm,
                                                    metric: options.algorithm.metric)
        let algorithm = options.algorithm.algorithm.rawValue
        let outputs = OutputBatch()
        let outcome = try ClusterCommand.cluster(prepared, options.algorithm, runtime: options.runtime, console: console, outputs: outputs)
        try outputs.commitAll()
        let features = prepared.features.matrix
        ClusterOutput.summarize(outcome, algorithm: algorithm, features: features,
                                silhouette: console.quiet ? nil : ClusterOutput.summarySilhouette(outcome, features: features, runtime: options.runtime),
                                console: console)
        let clustering = outcome.clustering
        var rowLabels = [Int?](repeating: nil, count: table.rowCount)
        for (position, row) in prepared.features.tableRows.enumerated() { rowLabels[row] = clustering.labels[position] }
        let labels = SegmentLabels(clusterLabels: rowLabels, origin: "a \(algorithm) run")

        let scale = options.features.scale.rawValue
        var content = try LabelledTableReport.content(
            table: table, labels: labels,
            featureColumns: prepared.featureColumns.filter { table.columns[$0].type.isNumeric },
            categoryColumns: prepared.featureColumns.filter { table.columns[$0].type == .categorical },
            title: options.title, generator: "segment \(Segment.version)")
        content.subtitle += " · \(algorithm), \(clustering.segmentCount) segments"
        var run = "\(algorithm) on \(prepared.pipeline.outputNames.count) features, scaling \(scale), seed \(seed)"
        if let objective = clustering.objective { run += "; \(objective.name) \(formatNumber(objective.value, decimals: 4))" }
        content.dataSummary.append(("clustering", run))

        if options.algorithm.algorithm == .kmeans {
            content.kSelection = try kSelection(outcome, prepared: prepared, options)
        }
        // The per-row silhouette plot is Euclidean; the mixed algorithms'
        // own silhouette is in the summary.
        if !options.algorithm.algorithm.comparesCategories {
            content.silhouette = ClusteringReport.silhouette(features, labels: clustering.labels, seed: seed, threads: threads)
        }
        content.stability = outcome.stability.map(StabilityBars.init)
        if let linkage = outcome.linkage {
            content.dendrogram = Dendrogram(merges: linkage.merges, leafCount: options.dendrogramLeaves,
                                            segmentCount: clustering.segmentCount)
        }
        return Report(content: content, labels: labels, idColumn: prepared.idColumn)
    }

    /// The k-selection section of a k-means run: the curves `--k auto`
    /// fitted, or for a fixed k the curves over `--k-range` widened to include it.
    static func kSelection(_ outcome: ClusterOutcome, prepared: PreparedFeatures, _ options: Options) throws -> KSelectionSection {
        let chosen = outcome.clustering.segmentCount, kmeans = options.algorithm.kmeans
        if let selection = outcome.selection {
            return ClusteringReport.kSelection(selection, chosen: chosen, criterion: kmeans.select)
        }
        let data = prepared.features.matrix
        let range = try kmeans.fittingRange(data: data)
        let widened = min(range.lowerBound, chosen)...max(range.upperBound, chosen)
        let selection = try KSelection.evaluate(data, range: widened,
                                                configuration: kmeans.configuration(clusterCount: chosen, runtime: options.runtime),
                                                gap: kmeans.gapSettings())
        return ClusteringReport.kSelection(selection, chosen: chosen, criterion: nil)
    }
}
