import SegmentCore

/// `segment report`: one self-contained HTML file describing a segmentation,
/// either of a table that already has segment labels or of a clustering run
/// the command makes itself.
enum ReportCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "report",
        abstract: "Write a self-contained HTML report: k selection, silhouettes, scatter, dendrogram, profiles, personas and recommendations.",
        discussion: """
        Writes one HTML file with inline CSS and SVG (no scripts, no network). The same input and options always give a byte-identical file, for any --threads.

        When the input has the label column (--label-column, default segment), such as the output of 'segment cluster', the report describes those segments: data summary, each segment's size, persona and suggested action, a 2-D scatter (the two features, or the first two principal components of the standardized features when there are more), the profile heat map and tables, and with --linkage-in the dendrogram of an agglomerative run. --features then names the columns described (default: every numeric and categorical column except the id and the label).

        Otherwise the report clusters the rows itself, with the options and defaults of 'segment cluster' (--features, --scale, --algorithm, --k, ...), and adds what only the run knows: for k-means the inertia and silhouette curves over --k-range with the knee and the chosen k (with a fixed --k the curves are still fitted, over --k-range widened to include k, for comparison), the exact silhouette of every row (of a random sample of 10000 rows, by --seed, for larger inputs, as the report says), segment centres on the scatter, and for agglomerative runs the dendrogram. The profiles describe the clustering features in original units.

        With --purchases FILE (and optionally --catalog FILE) the customers' segments are joined to the purchase log by the id column, and the report adds the held-out evaluation of every recommendation method (as 'segment recommend --evaluate', same defaults) and each segment's most characteristic items.
        """,
        usage: "segment report [options] [FILE] -o report.html",
        options: Options.optionSpecs,
        examples: [
            "segment report Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --k auto -o report.html",
            "segment report Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --algorithm agglomerative --k 5 -o report.html",
            "segment report Fixtures/mall_customers.csv --k 5 --purchases Fixtures/purchases.csv --catalog Fixtures/products.csv -o report.html",
            "segment cluster Fixtures/mall_customers.csv --k 5 | segment report -o report.html",
            "segment report clustered.csv --label-column segment --features Age,Gender --linkage-in merges.csv -o report.html",
        ]
    )

    /// The options of `report`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        var features = FeatureOptions()
        /// The label column; `nil` reads `segment` when the input has it, else clusters.
        var labelColumn: String?
        var algorithm = ClusterAlgorithmOptions()
        /// With labelled input: a merge tree to draw.
        var linkageIn: String?
        /// Clusters shown at the bottom of the dendrogram.
        var dendrogramLeaves = 30
        /// The report's title.
        var title = "Customer segments"
        var output = OutputOptions()
        var purchases = PurchaseInputs.Options()
        var recommendation = RecommendOptions()
        var runtime = RuntimeOptions()
        /// The options given that apply only when the report clusters the rows.
        var clusteringOptionsGiven: [String] = []
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = {
            let features = FeatureOptions.declarations.lifted(to: \Options.features).map { option in
                ["missing", "scale"].contains(option.spec.name) ? option.noted(in: \.clusteringOptionsGiven) : option
            }
            return InputOptions.declarations.lifted(to: \.input) + features
                + [.value("label-column", \.labelColumn, "NAME", help: "The column holding segment labels; when the input has none, the report clusters the rows.", defaultDescription: ClusterOutput.defaultLabelColumn)]
                + ClusterAlgorithmOptions.declarations.lifted(to: \.algorithm).map { $0.noted(in: \.clusteringOptionsGiven) }
                + [
                    .value("linkage-in", \.linkageIn, "FILE", help: "With labelled input: a merge tree (CSV left,right,distance,size, as written by 'cluster --linkage-out') to draw as a dendrogram.").readsFile(),
                    .int("dendrogram-leaves", \.dendrogramLeaves, in: 2...1000, help: "Clusters shown at the bottom of the dendrogram (its top N-1 merges)."),
                    .value("title", \.title, "TEXT", help: "The report's title."),
                    .value("output", short: "o", \.output.output, "FILE", help: "Write the HTML to FILE atomically (temporary file + rename) instead of standard output.").writesFile(standardOutputWhenAbsent: true),
                ]
                + PurchaseInputs.Options.files.lifted(to: \.purchases)
                + RecommendOptions.declarations.lifted(to: \.recommendation)
                + PurchaseInputs.Options.columnOptions.lifted(to: \.purchases)
                + RuntimeOptions.declarations().lifted(to: \.runtime)
        }()
    }

    static func run(_ options: Options, console: Console) throws {
        if options.output.isTerminal {
            throw UsageError(message: "the report is an HTML file: give -o report.html, or redirect standard output")
        }
        if options.purchases.catalog != nil && options.purchases.purchases == nil {
            throw UsageError(message: "--catalog describes the items of --purchases; add --purchases FILE")
        }
        let table = try options.input.loadTable(options.positionals, threads: options.runtime.threadCount)
        let labelName = options.labelColumn ?? ClusterOutput.defaultLabelColumn
        var report: Report
        if options.labelColumn != nil || table.columnIndex(named: labelName) != nil {
            if let option = options.clusteringOptionsGiven.first {
                throw UsageError(message: "\(option) applies only when the report clusters the rows, but \(table.source) already has segment labels in column '\(labelName)'; drop \(option), or give an input without that column")
            }
            report = try labelledReport(table, options)
        } else {
            if options.linkageIn != nil {
                throw UsageError(message: "--linkage-in draws the tree of labelled input; when the report clusters the rows, use --algorithm agglomerative and the tree is drawn from the run")
            }
            report = try clusteredReport(table, options, console: console)
        }
        if let purchases = options.purchases.purchases {
            report.content.recommendations = try recommendations(purchases: purchases, report: report, table: table, options, console: console)
        }

        let html = HTMLReport.render(report.content)
        let sink = try options.output.open()
        try sink.write(html)
        try sink.flush()
        try sink.commit()
        let charts = html.components(separatedBy: "<svg ").count - 1
        console.info("\(sink.name): report with \(report.content.profiles?.segments.count ?? 0) segments and \(charts) charts")
    }

    /// A report's content and the segment of every table row.
    struct Report {
        /// The sections filled so far.
        var content: ReportContent
        /// Each table row's segment.
        var labels: SegmentLabels
        /// The id column, if the table has one.
        var idColumn: Int?
    }

    /// The report of a table that already has segment labels.
    static func labelledReport(_ table: Table, _ options: Options) throws -> Report {
        let columns = try ProfileColumns.resolve(table, labelColumn: options.labelColumn, id: options.features.id,
                                                 features: options.features.features)
        let labels = SegmentLabels(table: table, labelColumn: columns.label)
        var content = try LabelledTableReport.content(
            table: table, labels: labels, featureColumns: columns.numeric, categoryColumns: columns.categorical,
            valueColumns: columns.value, title: options.title, generator: "segment \(Segment.version)")
        if let path = options.linkageIn {
            let source = InputSource(argument: path)
            let linkage = try TableLoader.load(source, dialect: try options.input.dialect(for: source))
            let segments = content.profiles?.segments.filter { !$0.isNoise }.count
            content.dendrogram = Dendrogram(merges: try LinkageMatrix(table: linkage).merges,
                                            leafCount: options.dendrogramLeaves, segmentCount: segments)
        }
        return Report(content: content, labels: labels, idColumn: try ColumnSelection.idColumn(in: table, explicit: options.features.id))
    }
}
