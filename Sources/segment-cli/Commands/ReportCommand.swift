import SegmentCore

/// `segment report`: one self-contained HTML file describing a segmentation.
enum ReportCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "report",
        abstract: "Write a self-contained HTML report: segment sizes, personas, profiles and charts.",
        discussion: """
        Reads a table with a segment label column, such as the output of 'segment cluster', and writes one HTML file with inline CSS and SVG (no scripts, no network): a data summary, each segment's size, persona and suggested action, a 2-D scatter of the segments (the two features, or the first two principal components of the standardized features when there are more), the profile heat map and table, and, with --linkage, the dendrogram of an agglomerative run. The same input always gives a byte-identical file.

        Features are chosen as for 'segment profile': every numeric and categorical column except the id and the label unless --features names them.
        """,
        usage: "segment report [options] [FILE] -o report.html",
        options: CommonOptions.input
            + [
                OptionSpec("label-column", value: "NAME", help: "The column holding segment labels.", default: "segment"),
                OptionSpec("features", value: "A,B,C", help: "Columns to describe and plot: numeric ones by statistics, categorical ones by shares.", defaultDescription: "every numeric and categorical column except the id and the label"),
                OptionSpec("id", value: "COL", help: "Id column, never described.", defaultDescription: "first unique column whose last word is 'id'"),
                OptionSpec("linkage", value: "FILE", help: "A merge tree (CSV left,right,distance,size, as written by 'cluster --linkage-out') to draw as a dendrogram."),
                OptionSpec("dendrogram-leaves", value: "N", help: "Clusters shown at the bottom of the dendrogram (its top N-1 merges).", default: "30"),
                OptionSpec("title", value: "TEXT", help: "The report's title.", default: "Customer segments"),
                OptionSpec("output", short: "o", value: "FILE", help: "Write the HTML to FILE atomically (temporary file + rename) instead of standard output."),
            ]
            + CommonOptions.runtime.filter { $0.name != "seed" },
        examples: [
            "segment cluster Fixtures/mall_customers.csv --k 5 | segment report -o report.html",
            "segment report clustered.csv --label-column segment --features Age,Gender -o report.html",
            "segment report clustered.csv --linkage merges.csv -o report.html",
        ]
    )

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        if !arguments.has("output") && Console.standardOutputIsTerminal {
            throw UsageError(message: "the report is an HTML file: give -o report.html, or redirect standard output")
        }
        let table = try CommonOptions.loadTable(arguments)
        let columns = try ProfileColumns.resolve(table, arguments)
        let leaves = try arguments.int("dendrogram-leaves", in: 2...1000) ?? 30
        var content = try LabelledTableReport.content(
            table: table, labels: SegmentLabels(table: table, labelColumn: columns.label), featureColumns: columns.numeric, categoryColumns: columns.categorical,
            title: arguments.string("title")!, generator: "segment \(Segment.version)")
        if let path = arguments.string("linkage") {
            let source = InputSource(argument: path)
            let linkage = try TableLoader.load(source, dialect: try CommonOptions.dialect(arguments, for: source))
            let merges = try LinkageMatrix(table: linkage).merges
            let segments = content.profiles?.segments.filter { !$0.isNoise }.count
            content.dendrogram = Dendrogram(merges: merges, leafCount: leaves, segmentCount: segments)
        }
        // Sections that need a clustering run — content.kSelection (KSelectionSection),
        // content.silhouette (SilhouettePlot) and content.recommendations — are filled
        // here by the cluster/elbow/recommend wiring when those options are given; an
        // in-process run passes SegmentLabels(clusterLabels:) instead of the label column.

        let html = HTMLReport.render(content)
        let sink = try CommonOptions.openOutput(arguments)
        try sink.write(html)
        try sink.flush()
        try sink.commit()
        let charts = html.components(separatedBy: "<svg ").count - 1
        console.info("\(sink.name): report with \(content.profiles?.segments.count ?? 0) segments and \(charts) charts")
    }
}
