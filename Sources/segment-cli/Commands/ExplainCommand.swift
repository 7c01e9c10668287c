import SegmentCore

/// `segment explain`: each segment as a short rule over the original feature
/// values, learned as a shallow threshold tree.
enum ExplainCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Describe each segment as a plain rule over the original feature values (a shallow threshold tree).",
        discussion: """
        Reads a table with a segment label column, such as the output of 'segment cluster', learns a decision tree (CART, Gini impurity, grown best first as scikit-learn's DecisionTreeClassifier with max_leaf_nodes) that predicts the segment from the original, unscaled values, and prints one row per segment: segment, rule, support (share of all rows the rule covers), precision (share of the rule's rows in the segment), recall (share of the segment the rule covers) and importance (each feature's share of the impurity decrease of the splits leading to the segment, most important first).

        Numeric conditions read 'Annual Income (k$) >= 69.5' (thresholds halfway between two values in the data); categorical ones 'Gender = Female'. A segment the tree gives several leaves gets their 'or'. Standard error says how faithful the rules are: the share of rows whose rule gives their segment. --rules-out FILE.sql writes the rules as one SQL CASE expression that labels rows in a database without segment.

        Rows without a label, or with a missing feature value, are left out of the rules (the count is printed).
        """,
        usage: "segment explain [options] [FILE]",
        options: Options.optionSpecs,
        examples: [
            "segment cluster Fixtures/mall_customers.csv --features \"Annual Income (k$),Spending Score (1-100)\" --k 5 | segment explain --features \"Annual Income (k$),Spending Score (1-100)\"",
            "segment explain clustered.csv --max-depth 2 --rules-out rules.sql",
        ]
    )

    /// The options of `explain`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        var columns = LabelledColumnsOptions()
        /// The most conditions on one leaf's path.
        var maximumDepth = 3
        /// The most leaves; `nil` gives one per segment.
        var maximumLeaves: Int?
        /// Where to write the SQL expression, if anywhere.
        var rulesOut: String?
        var output = OutputOptions()
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + LabelledColumnsOptions.declarations(features: "Columns the rules may use (numeric or categorical).",
                                                  id: "Id column, never used by the rules.").lifted(to: \.columns)
            + [
                .int("max-depth", \.maximumDepth, in: 1...20, help: "The most conditions in one rule."),
                .int("max-leaves", \.maximumLeaves, in: 2...10_000, help: "The most leaves of the tree (rules in all).", defaultDescription: "the number of segments"),
                .value("rules-out", \.rulesOut, "FILE.sql", help: "Also write the rules as a SQL CASE expression giving each row its segment (NULL for a row with a missing value).").writesFile(),
            ]
            + OutputOptions.declarations(formats: [.table, .csv, .tsv, .json, .jsonl, .markdown], defaultDescription: "table on a terminal, else csv").lifted(to: \.output)
            + RuntimeOptions.declarations(seed: false, threads: false).lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        let table = try options.input.loadTable(options.positionals, threads: availableCores)
        let columns = try options.columns.resolve(in: table)
        guard !columns.numeric.isEmpty || !columns.categorical.isEmpty else {
            throw ParameterError("features", "\(table.source): no numeric or categorical column to explain the segments with; name them with \(parameter: "features")")
        }
        let labels = SegmentLabels(table: table, labelColumn: columns.label)
        let fitted = try RuleTree.fit(table: table, labels: labels, numeric: columns.numeric, categorical: columns.categorical,
                                      maximumLeaves: options.maximumLeaves ?? max(2, labels.keys.count), maximumDepth: options.maximumDepth)
        let tree = fitted.tree
        let outputs = OutputBatch()
        let sink = try outputs.open(options.output.destination)
        let sql = try options.rulesOut.map { try outputs.open(OutputDestination(argument: $0)) }
        let format = options.output.format(report: true)
        let readable = format == .table || format == .markdown
        func share(_ value: Double) -> OutputValue { readable ? .text(formatNumber(value, decimals: 3)) : .number(value) }
        let writer = try RecordWriter(sink: sink, format: format, header: ["segment", "rule", "support", "precision", "recall", "importance"])
        for rule in tree.segmentRules {
            try writer.write([.text(fitted.keys[rule.segment]), .text(RuleText.plain(rule, features: tree.features)),
                              share(rule.support), share(rule.precision), share(rule.recall),
                              .text(RuleText.importance(rule, features: tree.features))])
        }
        try writer.finish()
        try sql?.write(RuleText.sql(tree, keys: fitted.keys))
        try outputs.commitAll()
        let rows = tree.segmentSizes.reduce(0, +)
        var summary = "\(table.source): \(tree.leaves.count) rules over \(rows) rows; they give \(formatNumber(100 * tree.agreement, decimals: 1))% of the rows their segment"
        if fitted.incompleteRows > 0 { summary += "; \(fitted.incompleteRows) rows with a missing feature value left out" }
        if labels.rows.contains(-1) { summary += "; \(labels.rows.count { $0 < 0 }) rows without a label left out" }
        console.info(summary)
        if let path = options.rulesOut { console.info("SQL CASE expression written to \(path)") }
    }
}
