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
        options: CommonOptions.input + CommonOptions.features
            + [OptionSpec("label-column", value: "NAME", help: "The column holding segment labels; when the input has none, the report clusters the rows.", default: "segment")]
            + ClusterCommand.algorithmOptions
            + [
                OptionSpec("linkage-in", value: "FILE", help: "With labelled input: a merge tree (CSV left,right,distance,size, as written by 'cluster --linkage-out') to draw as a dendrogram."),
                OptionSpec("dendrogram-leaves", value: "N", help: "Clusters shown at the bottom of the dendrogram (its top N-1 merges).", default: "30"),
                OptionSpec("title", value: "TEXT", help: "The report's title.", default: "Customer segments"),
                OptionSpec("output", short: "o", value: "FILE", help: "Write the HTML to FILE atomically (temporary file + rename) instead of standard output."),
            ]
            + PurchaseInputs.fileOptions + RecommendOptions.evaluation + PurchaseInputs.columnOptions
            + CommonOptions.runtime,
        examples: [
            "segment report Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --k auto -o report.html",
            "segment report Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --algorithm agglomerative --k 5 -o report.html",
            "segment report Fixtures/mall_customers.csv --k 5 --purchases Fixtures/purchases.csv --catalog Fixtures/products.csv -o report.html",
            "segment cluster Fixtures/mall_customers.csv --k 5 | segment report -o report.html",
            "segment report clustered.csv --label-column segment --features Age,Gender --linkage-in merges.csv -o report.html",
        ]
    )

    /// Options that only make sense when the report clusters the rows itself.
    static let clusteringOnly = ["missing", "scale"] + ClusterCommand.algorithmOptions.map(\.name)

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        if !arguments.has("output") && Console.standardOutputIsTerminal {
            throw UsageError(message: "the report is an HTML file: give -o report.html, or redirect standard output")
        }
        if arguments.string("purchases") == "-" && (arguments.positionals.first ?? "-") == "-" {
            throw UsageError(message: "--purchases - and the input cannot both read standard input; give one of them as a file")
        }
        if arguments.has("catalog") && !arguments.has("purchases") {
            throw UsageError(message: "--catalog describes the items of --purchases; add --purchases FILE")
        }
        let table = try CommonOptions.loadTable(arguments)
        let labelName = arguments.string("label-column") ?? "segment"
        var report: Report
        if arguments.has("label-column") || table.columnIndex(named: labelName) != nil {
            if let option = clusteringOnly.first(where: arguments.has) {
                throw UsageError(message: "--\(option) applies only when the report clusters the rows, but \(table.source) already has segment labels in column '\(labelName)'; drop --\(option), or give an input without that column")
            }
            report = try labelledReport(table, arguments)
        } else {
            if arguments.has("linkage-in") {
                throw UsageError(message: "--linkage-in draws the tree of labelled input; when the report clusters the rows, use --algorithm agglomerative and the tree is drawn from the run")
            }
            report = try clusteredReport(table, arguments, console: console)
        }
        if let purchases = arguments.string("purchases") {
            report.content.recommendations = try recommendations(purchases: purchases, report: report, table: table, arguments, console: console)
        }

        let html = HTMLReport.render(report.content)
        let sink = try CommonOptions.openOutput(arguments)
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
    static func labelledReport(_ table: Table, _ arguments: ParsedArguments) throws -> Report {
        let columns = try ProfileColumns.resolve(table, arguments)
        let labels = SegmentLabels(table: table, labelColumn: columns.label)
        var content = try LabelledTableReport.content(
            table: table, labels: labels, featureColumns: columns.numeric, categoryColumns: columns.categorical,
            title: arguments.string("title")!, generator: "segment \(Segment.version)")
        if let path = arguments.string("linkage-in") {
            let source = InputSource(argument: path)
            let linkage = try TableLoader.load(source, dialect: try CommonOptions.dialect(arguments, for: source))
            let segments = content.profiles?.segments.filter { !$0.isNoise }.count
            content.dendrogram = Dendrogram(merges: try LinkageMatrix(table: linkage).merges,
                                            leafCount: try dendrogramLeaves(arguments), segmentCount: segments)
        }
        return Report(content: content, labels: labels, idColumn: try ColumnSelection.idColumn(in: table, explicit: arguments.string("id")))
    }

    /// `--dendrogram-leaves`.
    static func dendrogramLeaves(_ arguments: ParsedArguments) throws -> Int {
        try arguments.int("dendrogram-leaves", in: 2...1000) ?? 30
    }
}
