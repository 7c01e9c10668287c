import SegmentCore

/// Namespace for `segment cluster` options, split by algorithm into
/// `ClusterOptions+<Algorithm>.swift`.
enum ClusterOptions {}

/// `segment cluster` (provisional, on this branch only the agglomerative,
/// DBSCAN and BIRCH algorithms): writes every input row plus a segment label.
enum ClusterCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "cluster",
        abstract: "Segment rows with agglomerative, DBSCAN or BIRCH clustering.",
        discussion: """
        Writes every input row plus a label column; noise is -1 and rows left out by --missing drop get an empty label. Segment ids are 0..k-1 by decreasing size (ties by first row). A summary goes to standard error.

        \(ClusterOptions.assignmentRules)
        """,
        usage: "segment cluster [options] [FILE]",
        options: CommonOptions.input + CommonOptions.features
            + [
                OptionSpec("algorithm", value: "NAME", help: "Clustering algorithm.", default: "agglomerative", choices: ["agglomerative", "dbscan", "birch"]),
                OptionSpec("k", value: "N", help: "Number of segments (agglomerative; BIRCH global step)."),
                OptionSpec("label-column", value: "NAME", help: "Name of the label column.", default: "segment"),
            ]
            + ClusterOptions.agglomerativeOptions + ClusterOptions.dbscanOptions + ClusterOptions.birchOptions
            + CommonOptions.output(formats: [.csv, .tsv, .json, .jsonl, .table], defaultFormat: "csv")
            + CommonOptions.runtime.filter { $0.name != "seed" },
        examples: [
            "segment cluster Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --scale none --algorithm agglomerative --linkage ward --k 5 --linkage-out tree.csv",
            "segment cluster Fixtures/mall_customers.csv --algorithm dbscan --eps auto",
            "segment cluster Fixtures/mall_customers.csv --algorithm birch --threshold 0.5 --k 5",
        ]
    )

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        let table = try CommonOptions.loadTable(arguments)
        let prepared = try CommonOptions.prepareFeatures(table, arguments)
        let algorithm = arguments.choice("algorithm") ?? "agglomerative"
        let features = prepared.features.matrix
        let clustering: Clustering
        switch algorithm {
        case "dbscan": clustering = try ClusterOptions.runDBSCAN(features, arguments, console: console).clustering
        case "birch": clustering = try ClusterOptions.runBIRCH(features, arguments, console: console).clustering
        default: clustering = try ClusterOptions.runAgglomerative(features, arguments, console: console).clustering
        }
        var labelOfTableRow = [Int?](repeating: nil, count: table.rowCount)
        for (matrixRow, tableRow) in prepared.features.tableRows.enumerated() {
            labelOfTableRow[tableRow] = clustering.labels[matrixRow]
        }
        let sink = try CommonOptions.openOutput(arguments)
        let header = table.columnNames + [arguments.string("label-column") ?? "segment"]
        let writer = try RecordWriter(sink: sink, format: CommonOptions.format(arguments, report: false), header: header)
        var values: [OutputValue] = []
        for row in 0..<table.rowCount {
            values.removeAll(keepingCapacity: true)
            for column in 0..<table.columnCount { values.append(table.outputValue(row: row, column: column)) }
            values.append(labelOfTableRow[row].map { .integer($0) } ?? .missing)
            try writer.write(values)
        }
        try writer.finish()
        try sink.commit()
        let sizes = clustering.sizes.isEmpty ? "none" : clustering.sizes.map(String.init).joined(separator: " ")
        var summary = "\(algorithm): k = \(clustering.segmentCount), sizes \(sizes)"
        if clustering.noiseCount > 0 { summary += ", noise \(clustering.noiseCount)" }
        if let objective = clustering.objective { summary += ", \(objective.name) \(String(format: "%.6g", objective.value))" }
        console.info(summary)
    }
}
