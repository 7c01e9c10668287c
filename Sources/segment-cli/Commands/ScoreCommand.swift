import SegmentCore

/// `segment score`: validation indices of labels already in the input.
enum ScoreCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "score",
        abstract: "Score existing segment labels: silhouette, Calinski-Harabasz, Davies-Bouldin (and ARI/NMI against --truth).",
        discussion: """
        Reads the labels in --label-column and the features (default: every numeric column except the id, the label and the truth column), scales them as --scale says, and prints one row per measure: metric,value. The silhouette is exact (every pair of rows, Euclidean, no sampling). Rows labelled -1 (noise) or without a label are left out of the internal indices.

        With --truth COL, also prints the adjusted Rand index and the normalised mutual information (arithmetic mean normalisation, as scikit-learn) between the labels and COL, over rows that have both.
        """,
        usage: "segment score [options] [FILE]",
        options: Options.optionSpecs,
        examples: [
            "segment cluster Fixtures/mall_customers.csv --k 5 | segment score --label-column segment --truth Gender",
            "segment score blobs.csv --label-column label --features f1,f2,f3 --scale none",
        ]
    )

    /// The options of `score`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        var features = FeatureOptions()
        /// The column holding the labels.
        var labelColumn = ClusterOutput.defaultLabelColumn
        /// A column of reference classes, if any.
        var truth: String?
        var output = OutputOptions()
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + FeatureOptions.declarations.lifted(to: \.features)
            + [
                .value("label-column", \.labelColumn, "NAME", help: "The column holding the segment labels (whole numbers; -1 is noise)."),
                .value("truth", \.truth, "COL", help: "A column of reference classes to compare the labels with."),
            ]
            + OutputOptions.declarations(formats: [.table, .csv, .tsv, .json, .jsonl, .markdown], defaultDescription: "table on a terminal, else csv").lifted(to: \.output)
            + RuntimeOptions.declarations(seed: false).lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        let threads = options.runtime.threadCount
        let table = try options.input.loadTable(options.positionals, threads: threads)
        let labelColumn = try ColumnSelection.resolve(options.labelColumn, in: table.columnNames, parameter: "label-column")
        let truthColumn = try options.truth.map { try ColumnSelection.resolve($0, in: table.columnNames, parameter: "truth") }
        let prepared = try options.features.prepare(table, threads: threads, excluding: [labelColumn] + (truthColumn.map { [$0] } ?? []))
        if prepared.featureColumns.contains(labelColumn) {
            throw ParameterError("features", "the label column '\(table.columnNames[labelColumn])' cannot also be a feature; remove it from \(parameter: "features")")
        }
        let labels = try readLabels(table, column: labelColumn, rows: prepared.features.tableRows)
        let data = prepared.features.matrix

        var rows: [(String, Double?)] = [
            ("silhouette", Silhouette.score(data, labels: labels, threads: threads)),
            ("calinski_harabasz", CalinskiHarabasz.score(data, labels: labels)),
            ("davies_bouldin", DaviesBouldin.score(data, labels: labels)),
        ]
        if let truthColumn {
            var predicted: [Int] = [], truth: [String] = []
            table.withCells { cells in
                for (position, row) in prepared.features.tableRows.enumerated() {
                    let cell = cells.cell(row: row, column: truthColumn)
                    if labels[position] == unlabelled || CellParsing.isMissing(cell) { continue }
                    predicted.append(labels[position])
                    truth.append(String(decoding: CellParsing.trimmingSpaces(cell), as: UTF8.self))
                }
            }
            let agreement = ClusterAgreement(predicted, truth)
            rows.append(("adjusted_rand_index", predicted.isEmpty ? nil : agreement.adjustedRandIndex))
            rows.append(("normalized_mutual_info", predicted.isEmpty ? nil : agreement.normalizedMutualInformation))
        }

        let segments = Set(labels.filter { $0 >= 0 }).count
        let noise = labels.filter { $0 == -1 }.count
        console.info("\(table.source): \(data.rows) rows scored, \(segments) segments, \(noise) noise rows, \(labels.filter { $0 == unlabelled }.count) without a label")
        if rows[0].1 == nil { console.warning("the internal indices need at least 2 segments and fewer segments than rows") }

        let format = options.output.format(report: true)
        let readable = format == .table || format == .markdown
        let sink = try options.output.open()
        let writer = try RecordWriter(sink: sink, format: format, header: ["metric", "value"])
        for (metric, value) in rows {
            let cell: OutputValue = value.map { readable ? .text(formatNumber($0, decimals: 4)) : .number($0) } ?? .missing
            try writer.write([.text(metric), cell])
        }
        try writer.finish()
        try sink.commit()
    }

    /// Marks a row without a label (left out like noise, but not counted as noise).
    static let unlabelled = Int.min

    /// The label of each feature row: a whole number, −1 for noise,
    /// `unlabelled` for an empty or missing cell.
    /// - Throws: `SegmentError.invalidData` for a label that is not a whole number.
    static func readLabels(_ table: Table, column: Int, rows: [Int]) throws -> [Int] {
        try table.withCells { cells in
            try rows.map { row in
                let cell = CellParsing.trimmingSpaces(cells.cell(row: row, column: column))
                if cell.isEmpty || CellParsing.isMissingToken(cell) { return unlabelled }
                guard let number = CellParsing.parseNumber(cell), number.isInteger, number.value >= -1 else {
                    throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: table.columnNames[column],
                                                   message: "expected a segment label (a whole number, -1 for noise), found \(MessageText.quoted(cell))")
                }
                return Int(number.value)
            }
        }
    }
}
