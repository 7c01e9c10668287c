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

        When standard output is a terminal, bar charts of the inertia and mean silhouette per k follow the table. --plot FILE.svg writes the same curves as an SVG chart (written atomically), with the knee, the best silhouette and the k that --k auto takes marked.
        """,
        usage: "segment elbow [options] [FILE]",
        options: CommonOptions.input + CommonOptions.features
            + KMeansOptions.selection + KMeansOptions.fitting
            + [OptionSpec("plot", value: "FILE.svg", help: "Also write the inertia and silhouette curves as an SVG chart.")]
            + CommonOptions.output(formats: [.table, .csv, .tsv, .json, .jsonl, .markdown], defaultFormat: nil, defaultDescription: "table on a terminal, else csv")
            + CommonOptions.runtime,
        examples: [
            "segment elbow Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none",
            "segment select-k Fixtures/mall_customers.csv --k-range 2-15 --format csv -o curve.csv",
            "segment elbow Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --plot elbow.svg",
        ]
    )

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let table = try CommonOptions.loadTable(arguments)
        let prepared = try CommonOptions.prepareFeatures(table, arguments)
        let data = prepared.features.matrix
        let fitting = try KSelection.feasibleRange(try KMeansOptions.kRange(arguments), for: data)
        let configuration = try KMeansOptions.configuration(arguments, clusterCount: fitting.lowerBound)
        let selection = try KSelection.evaluate(data, range: fitting, configuration: configuration)
        let criterion = KMeansOptions.criterion(arguments)

        let format = CommonOptions.format(arguments, report: true)
        let readable = format == .table || format == .markdown
        func value(_ number: Double?) -> OutputValue {
            guard let number else { return .missing }
            return readable ? .text(formatNumber(number, decimals: 4)) : .number(number)
        }
        let sink = try CommonOptions.openOutput(arguments)
        let writer = try RecordWriter(sink: sink, format: format, header: ["k", "inertia", "silhouette", "calinski_harabasz", "davies_bouldin"])
        for candidate in selection.candidates {
            try writer.write([.integer(candidate.k), value(candidate.fit.inertia), value(candidate.silhouette),
                              value(candidate.calinskiHarabasz), value(candidate.daviesBouldin)])
        }
        try writer.finish()
        let chosen = selection.choice(by: criterion).k
        if !arguments.has("output") && Console.standardOutputIsTerminal {
            try sink.write("\n" + TerminalChart.elbow(ks: selection.candidates.map(\.k), inertia: selection.candidates.map(\.fit.inertia),
                                                      silhouette: selection.candidates.map(\.silhouette), knee: selection.knee, chosen: chosen))
        }
        try sink.commit()
        if let path = arguments.string("plot") {
            let plot = try OutputSink(OutputDestination(argument: path))
            try plot.write(KSelectionChart(selection, chosen: chosen).svg())
            try plot.commit()
        }
        for line in KSelectionReport.lines(selection, criterion: criterion) { console.info(line) }
    }
}
