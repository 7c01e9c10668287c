import SegmentCore

extension ReportCommand {
    /// Clusters `table` as `segment cluster` would with the same options and
    /// builds the report of the run: profiles and scatter of the clustering
    /// features, k-selection curves for k-means, the silhouette of every row
    /// (sampled beyond 10000 rows) and the dendrogram of an agglomerative run.
    static func clusteredReport(_ table: Table, _ arguments: ParsedArguments, console: Console) throws -> Report {
        let prepared = try CommonOptions.prepareFeatures(table, arguments)
        let algorithm = arguments.choice("algorithm") ?? "kmeans"
        let outputs = OutputBatch()
        let outcome = try ClusterCommand.cluster(prepared, algorithm: algorithm, arguments, console: console, outputs: outputs)
        try outputs.commitAll()
        let features = prepared.features.matrix
        ClusterOutput.summarize(outcome, algorithm: algorithm, features: features,
                                silhouette: console.quiet ? nil : ClusterOutput.summarySilhouette(outcome, features: features, arguments: arguments),
                                console: console)
        let clustering = outcome.clustering
        var rowLabels = [Int?](repeating: nil, count: table.rowCount)
        for (position, row) in prepared.features.tableRows.enumerated() { rowLabels[row] = clustering.labels[position] }
        let labels = SegmentLabels(clusterLabels: rowLabels, origin: "a \(algorithm) run")

        let seed = try CommonOptions.seed(arguments), threads = try CommonOptions.threads(arguments)
        let scale = arguments.choice("scale") ?? "standard"
        var content = try LabelledTableReport.content(
            table: table, labels: labels,
            featureColumns: prepared.featureColumns.filter { table.columns[$0].type.isNumeric },
            categoryColumns: prepared.featureColumns.filter { table.columns[$0].type == .categorical },
            title: arguments.string("title")!, generator: "segment \(Segment.version)")
        content.subtitle += " · \(algorithm), \(clustering.segmentCount) segments"
        var run = "\(algorithm) on \(prepared.pipeline.outputNames.count) features, scaling \(scale), seed \(seed)"
        if let objective = clustering.objective { run += "; \(objective.name) \(formatNumber(objective.value, decimals: 4))" }
        content.dataSummary.append(("clustering", run))

        if algorithm == "kmeans" {
            content.kSelection = try kSelection(outcome, prepared: prepared, arguments)
        }
        content.silhouette = ClusteringReport.silhouette(features, labels: clustering.labels, seed: seed, threads: threads)
        if let linkage = outcome.linkage {
            content.dendrogram = Dendrogram(merges: linkage.merges, leafCount: try dendrogramLeaves(arguments),
                                            segmentCount: clustering.segmentCount)
        }
        return Report(content: content, labels: labels, idColumn: prepared.idColumn)
    }

    /// The k-selection section of a k-means run: the curves `--k auto`
    /// fitted, or for a fixed k the curves over `--k-range` widened to include it.
    static func kSelection(_ outcome: ClusterOutcome, prepared: PreparedFeatures, _ arguments: ParsedArguments) throws -> KSelectionSection {
        let chosen = outcome.clustering.segmentCount
        if let selection = outcome.selection {
            return ClusteringReport.kSelection(selection, chosen: chosen, criterion: KMeansOptions.criterion(arguments))
        }
        let data = prepared.features.matrix
        let range = try KMeansOptions.fittingRange(arguments, data: data)
        let widened = min(range.lowerBound, chosen)...max(range.upperBound, chosen)
        let selection = try KSelection.evaluate(data, range: widened, configuration: try KMeansOptions.configuration(arguments, clusterCount: chosen))
        return ClusteringReport.kSelection(selection, chosen: chosen, criterion: nil)
    }
}
