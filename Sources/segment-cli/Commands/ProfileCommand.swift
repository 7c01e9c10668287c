import SegmentCore

/// `segment profile`: one row per segment with its size, feature statistics
/// in original units, category shares, persona and suggested action.
enum ProfileCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "profile",
        abstract: "Describe each segment: size, means and medians, category shares, persona and suggested action.",
        discussion: """
        Reads a table with a segment label column, such as the output of 'segment cluster', and prints one row per segment (noise, label -1, after the segments) and a last row 'all' for everyone with a label. Rows with an empty label are left out.

        Columns: segment, size, share, persona, action; per numeric feature its mean, median and 'diff (sd)', the difference of the segment mean from the overall mean in overall standard deviations (sample, n-1); per categorical column the share of each value (COLUMN=VALUE).

        Personas name the strongest differences (at least 0.5 standard deviations; at most two, more only to keep personas distinct), with words chosen from the column names: age gives young/older, income or salary high/low income, spending, monetary or a bare score high/low spending, recency recent/lapsed, frequency frequent/infrequent, any other column high/low NAME. Actions follow fixed rules, e.g. high income with low spending: premium upsell and feedback survey; low income with high spending: instalment offers and loyalty rewards; high income with high spending: new arrivals and exclusive deals.
        """,
        usage: "segment profile [options] [FILE]",
        options: Options.optionSpecs,
        examples: [
            "segment cluster Fixtures/mall_customers.csv --k 5 | segment profile",
            "segment profile --label-column segment --format markdown clustered.csv",
            "segment profile --features Age,Gender --format json clustered.csv",
        ]
    )

    /// The options of `profile`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        var columns = LabelledColumnsOptions()
        var output = OutputOptions()
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + LabelledColumnsOptions.declarations(features: "Columns to describe: numeric ones by mean, median and difference, categorical ones by shares.",
                                                  id: "Id column, never described.").lifted(to: \.columns)
            + OutputOptions.declarations(formats: [.table, .csv, .tsv, .json, .jsonl, .markdown], defaultDescription: "table on a terminal, else csv").lifted(to: \.output)
            + RuntimeOptions.declarations(seed: false).lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        let table = try options.input.loadTable(options.positionals, threads: options.runtime.threadCount)
        let columns = try options.columns.resolve(in: table)
        let profiles = try ProfileBuilder.build(table: table, labels: SegmentLabels(table: table, labelColumn: columns.label),
                                                featureColumns: columns.numeric, categoryColumns: columns.categorical,
                                                stabilityColumn: columns.stability, valueColumns: columns.value)
        let labelled = profiles.overall.size
        var summary = "\(table.source): \(profiles.segments.count) segments, \(labelled) labelled rows"
        if profiles.unlabelledCount > 0 { summary += ", \(profiles.unlabelledCount) without a label (left out)" }
        console.info(summary)

        let format = options.output.format(report: true)
        let sink = try options.output.open()
        let writer = try RecordWriter(sink: sink, format: format, header: profiles.recordHeader)
        for record in profiles.records(readable: format == .table || format == .markdown) {
            try writer.write(record)
        }
        try writer.finish()
        try sink.commit()
    }
}
