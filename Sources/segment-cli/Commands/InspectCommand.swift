import SegmentCore

/// `segment inspect`: the schema and a statistical summary of every column.
enum InspectCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "inspect",
        abstract: "Show each column's inferred type and summary statistics.",
        discussion: """
        Reads the whole file and prints one row per column: column, type (integer, number, categorical, text, date), count of present values, missing, distinct, min, mean, std (sample, n-1), max for numeric columns, and the most frequent values for categorical and text columns.

        A summary line (rows, columns, detected id column, default features) goes to standard error.
        """,
        usage: "segment inspect [options] [FILE]",
        options: Options.optionSpecs,
        examples: [
            "segment inspect Fixtures/mall_customers.csv",
            "segment inspect --format json Fixtures/mall_customers.csv",
            "cat data.tsv | segment inspect --delimiter tab",
        ]
    )

    /// The options of `inspect`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        var output = OutputOptions()
        /// Frequent values listed per categorical or text column.
        var top = 3
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + OutputOptions.declarations(formats: [.table, .csv, .tsv, .json, .jsonl, .markdown], defaultDescription: "table on a terminal, else csv").lifted(to: \.output)
            + [.int("top", \.top, in: 0...1000, help: "Frequent values listed per categorical or text column.")]
            + RuntimeOptions.declarations(seed: false).lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        let source = try InputOptions.source(options.positionals)
        let summary = try TableSummary.summarize(source, dialect: try options.input.dialect(for: source),
                                                 topCount: options.top, threads: options.runtime.threadCount)
        let format = options.output.format(report: true)

        let idColumn = summary.idColumn
        let features = summary.defaultFeatures.map { summary.columnNames[$0] }
        let flawed = summary.defaultFeatures.filter { !summary.columns[$0].type.isNumeric }.map { "'\(summary.columnNames[$0])'" }
        var line = "\(summary.source): \(summary.rowCount) rows × \(summary.columnNames.count) columns; id column: \(idColumn.map { summary.columnNames[$0] } ?? "none"); default features: \(features.isEmpty ? "none" : features.joined(separator: ", "))"
        if !flawed.isEmpty {
            line += " (\(flawed.joined(separator: ", ")) \(flawed.count == 1 ? "is" : "are") mostly numbers with some text, so clustering stops at the first text cell: fix those cells, or leave \(flawed.count == 1 ? "it" : "them") out with --features)"
        }
        console.info(line)

        let sink = try options.output.open()
        let writer = try RecordWriter(sink: sink, format: format,
                                      header: ["column", "type", "count", "missing", "distinct", "min", "mean", "std", "max", "top"])
        for column in summary.columns {
            try writer.write(row(for: column, decimals: format == .table || format == .markdown ? 4 : nil))
        }
        try writer.finish()
        try sink.commit()
    }

    /// One output row; `decimals` rounds statistics for reading.
    static func row(for summary: ColumnSummary, decimals: Int?) -> [OutputValue] {
        func statistic(_ value: Double?) -> OutputValue {
            guard let value else { return .missing }
            if summary.type == .date { return .text(CellParsing.formatDate(seconds: value)) }
            if let decimals { return .text(formatNumber(value, decimals: decimals)) }
            return .number(value)
        }
        let top = summary.top.map { "\($0.value) (\($0.count))" }.joined(separator: "; ")
        return [
            .text(summary.name), .text(summary.type.rawValue), .integer(summary.count), .integer(summary.missing),
            .integer(summary.distinct), statistic(summary.min), statistic(summary.mean), statistic(summary.std),
            statistic(summary.max), top.isEmpty ? .missing : .text(top),
        ]
    }
}
