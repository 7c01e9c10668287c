import Foundation
import SegmentCore

/// `segment elbow` (alias `select-k`): k-means for every k of a range, with
/// the indices that help choose k.
enum ElbowCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "elbow",
        aliases: ["select-k"],
        abstract: "Fit k-means for every k in a range and compare inertia, silhouette and other indices.",
        discussion: """
        Prints one row per k: k, inertia, silhouette, calinski_harabasz, davies_bouldin (silhouette on a random sample of 10000 rows for larger inputs). Standard error then names the knee of the inertia curve (Kneedle), the best k by each criterion, and the k that `segment cluster --k auto` takes with the same options.

        --criteria gap adds the gap statistic (Tibshirani, Walther & Hastie 2001, as R's cluster::clusGap with d.power = 2 and spaceH0 = "scaledPCA"): columns gap and gap_se, from --gap-b reference sets drawn uniformly in the box of the PCA-rotated data, and the k that --gap-rule picks. Use --k-range 1-K to let it choose k = 1 (no structure).

        --algorithm kprototypes or kmedoids fits that algorithm instead (categorical features kept as categories): one row per k with k, cost (k-prototypes' cost or k-medoids' loss) and silhouette under the algorithm's own distance (Gower for kmedoids by default), and the knee of the cost curve.

        When standard output is a terminal, bar charts of the inertia and mean silhouette per k follow the table. --plot FILE.svg writes the same curves as an SVG chart (written atomically), with the knee, the best silhouette and the k that --k auto takes marked.
        """,
        usage: "segment elbow [options] [FILE]",
        options: Options.optionSpecs,
        examples: [
            "segment elbow Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none",
            "segment select-k Fixtures/mall_customers.csv --k-range 2-15 --format csv -o curve.csv",
            "segment elbow Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --plot elbow.svg",
            "segment elbow Fixtures/mall_customers.csv --algorithm kmedoids --metric gower --k-range 2-8",
        ]
    )

    /// The options of `elbow`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        var features = FeatureOptions()
        var kmeans = KMeansOptions()
        /// `--algorithm` and the options of k-prototypes and k-medoids.
        var mixed = ClusterAlgorithmOptions()
        /// Where to write the SVG chart, if anywhere.
        var plot: String?
        /// `--criteria`: the indices computed beside the default ones.
        var criteria: ElbowCriteria?
        var output = OutputOptions()
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        /// `--criteria`.
        static let criteriaOption: Option<Options> = .value(
            "criteria", \.criteria, "LIST", help: "Indices to add to the table, comma-separated: gap (the gap statistic, columns gap and gap_se), stability (the mean bootstrap Jaccard of each k's segments).",
            defaultDescription: "none")

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + FeatureOptions.declarations.lifted(to: \.features)
            + [criteriaOption]
            + (KMeansOptions.selection + KMeansOptions.fitting + [KMeansOptions.stabilityResampleOption]).lifted(to: \.kmeans)
            + mixedDeclarations
            + [.value("plot", \.plot, "FILE.svg", help: "Also write the inertia and silhouette curves as an SVG chart.").writesFile()]
            + OutputOptions.declarations(formats: [.table, .csv, .tsv, .json, .jsonl, .markdown], defaultDescription: "table on a terminal, else csv").lifted(to: \.output)
            + RuntimeOptions.declarations().lifted(to: \.runtime)
    }

    /// `--algorithm` (kmeans, kprototypes, kmedoids) and the options of the
    /// last two, with the meaning they have in `cluster`.
    static let mixedDeclarations: [Option<Options>] = {
        let algorithm: Option<ClusterAlgorithmOptions> = Option.value("algorithm", \.algorithm, "NAME", help: "The algorithm fitted for each k.")
            .restricted(to: [ClusterAlgorithm.kmeans, .kprototypes, .kmedoids].map(\.rawValue))
        let named = ["metric", "gamma", "sample"]
        let others = (ClusterAlgorithmOptions.dbscanOptions + ClusterAlgorithmOptions.mixedOptions).filter { named.contains($0.spec.name) }
            .map { $0.only(with: "algorithm", $0.spec.name == "metric" ? ["kmedoids"] : ClusterAlgorithmOptions.algorithmsOfOption[$0.spec.name]!.map(\.rawValue)) }
        return ([algorithm] + others).lifted(to: \.mixed)
            + [KMeansOptions.starting[0].helping("kprototypes: cao (default) or huang; kmedoids: build (default) or random.")
                .only(with: "algorithm", ["kprototypes", "kmedoids"])].lifted(to: \.kmeans)
    }()

    static func run(_ options: Options, console: Console) throws {
        let threads = options.runtime.threadCount
        let table = try options.input.loadTable(options.positionals, threads: threads)
        let algorithm = options.mixed.algorithm
        let prepared = try options.features.prepare(table, threads: threads, for: algorithm, metric: options.mixed.metric)
        if algorithm.comparesCategories { return try runMixed(options, prepared: prepared, console: console) }
        let data = prepared.features.matrix
        let fitting = try KSelection.feasibleRange(options.kmeans.kRange.range, for: data)
        // Both outputs are opened before the fits, so a path that cannot be
        // written fails at once, and committed together at the end.
        let outputs = OutputBatch()
        let sink = try outputs.open(options.output.destination)
        let plot = try options.plot.map { try outputs.open(OutputDestination(argument: $0)) }
        let configuration = options.kmeans.configuration(clusterCount: fitting.lowerBound, runtime: options.runtime)
        let selection = try KSelection.evaluate(data, range: fitting, configuration: configuration,
                                                gap: options.kmeans.gapSettings(requested: options.criteria?.gap ?? false),
                                                stabilityResamples: options.kmeans.stabilityResampleCount(requested: options.criteria?.stability ?? false))
        let criterion = options.kmeans.select

        let format = options.output.format(report: true)
        let readable = format == .table || format == .markdown
        func value(_ number: Double?) -> OutputValue {
            guard let number else { return .missing }
            return readable ? .text(formatNumber(number, decimals: 4)) : .number(number)
        }
        let gapColumns = selection.gap == nil ? [] : ["gap", "gap_se"]
        let scoresStability = options.criteria?.stability ?? false
        let writer = try RecordWriter(sink: sink, format: format,
                                      header: ["k", "inertia", "silhouette", "calinski_harabasz", "davies_bouldin"] + gapColumns
                                        + (scoresStability ? ["stability"] : []))
        for (index, candidate) in selection.candidates.enumerated() {
            let gap = selection.gap.map { [value($0.values[index].gap), value($0.values[index].standardError)] } ?? []
            try writer.write([.integer(candidate.k), value(candidate.fit.inertia), value(candidate.silhouette),
                              value(candidate.calinskiHarabasz), value(candidate.daviesBouldin)] + gap
                             + (scoresStability ? [value(candidate.stability)] : []))
        }
        try writer.finish()
        let chosen = selection.choice(by: criterion).k
        if options.output.isTerminal {
            try sink.write("\n" + TerminalChart.elbow(ks: selection.candidates.map(\.k), inertia: selection.candidates.map(\.fit.inertia),
                                                      silhouette: selection.candidates.map(\.silhouette), knee: selection.knee, chosen: chosen))
        }
        try plot?.write(KSelectionChart(selection, chosen: chosen).svg())
        try outputs.commitAll()
        for line in KSelectionReport.lines(selection, criterion: criterion) { console.info(line) }
    }
}

extension ElbowCommand {
    /// `elbow --algorithm kprototypes|kmedoids`: cost and silhouette per k.
    static func runMixed(_ options: Options, prepared: PreparedFeatures, console: Console) throws {
        if options.criteria != nil {
            throw UsageError(message: "--criteria adds k-means indices; with --algorithm \(options.mixed.algorithm.rawValue) elbow reports cost and silhouette")
        }
        var algorithm = options.mixed
        algorithm.kmeans = options.kmeans
        let rows = try ClusterOptions.mixedRows(prepared, algorithm: algorithm.algorithm)
        let clusterer = try ClusterOptions.mixedClusterer(algorithm, rows: rows, runtime: options.runtime)
        let criterion = try ClusterOptions.mixedCriterion(options.kmeans.select)
        let outputs = OutputBatch()
        let sink = try outputs.open(options.output.destination)
        let selection = try MixedKSelection.evaluate(rows, clusterer: clusterer, range: options.kmeans.kRange.range,
                                                     silhouetteRows: KSelection.defaultSilhouetteRows, seed: options.runtime.seed,
                                                     threads: options.runtime.threadCount)
        let format = options.output.format(report: true)
        let readable = format == .table || format == .markdown
        func value(_ number: Double?) -> OutputValue {
            guard let number else { return .missing }
            return readable ? .text(formatNumber(number, decimals: 4)) : .number(number)
        }
        let writer = try RecordWriter(sink: sink, format: format, header: ["k", "cost", "silhouette"])
        for candidate in selection.candidates {
            try writer.write([.integer(candidate.k), value(candidate.cost), value(candidate.fit.silhouette)])
        }
        try writer.finish()
        try outputs.commitAll()
        for line in MixedKSelectionReport.lines(selection, criterion: criterion) { console.info(line) }
    }
}

/// `elbow --criteria LIST`: the indices added to the table.
struct ElbowCriteria: OptionValue, Equatable {
    /// Whether the gap statistic is computed.
    var gap = false
    /// Whether each k's bootstrap stability is scored.
    var stability = false

    /// Reads a comma-separated list of `gap` and `stability`.
    init(optionText text: String, option: OptionSpec) throws {
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch name {
            case "gap": gap = true
            case "stability": stability = true
            default:
                throw UsageError(message: "\(option.longSpelling) expects a list of: gap, stability; got '\(name)'")
            }
        }
    }

    /// The list as given.
    var optionText: String { [gap ? "gap" : nil, stability ? "stability" : nil].compactMap { $0 }.joined(separator: ",") }
}
