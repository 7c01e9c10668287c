import SegmentCore

/// `segment scale`: the input with its feature columns replaced by scaled values.
enum ScaleCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "scale",
        abstract: "Write the input with feature columns scaled; other columns pass through.",
        discussion: """
        Each feature column is replaced by its scaled values (categorical features by one 0/1 column per category, named COLUMN=VALUE). standard uses the population standard deviation, as scikit-learn's StandardScaler; robust uses the median and the 25-75% interquartile range. Constant columns are centred, never divided by zero.

        Rows left out by --missing drop keep their other columns and get empty feature cells.
        """,
        usage: "segment scale [options] [FILE]",
        options: Options.optionSpecs,
        examples: [
            "segment scale Fixtures/mall_customers.csv --features Age,\"Annual Income (k$)\" --scale minmax",
            "segment scale --scale robust -o scaled.csv Fixtures/mall_customers.csv",
        ]
    )

    /// The options of `scale`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        var features = FeatureOptions()
        var output = OutputOptions(format: .csv)
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + FeatureOptions.declarations.lifted(to: \.features)
            + OutputOptions.declarations(formats: [.csv, .tsv, .json, .jsonl, .table]).lifted(to: \.output)
            + RuntimeOptions.declarations(seed: false).lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        let threads = options.runtime.threadCount
        let table = try options.input.loadTable(options.positionals, threads: threads)
        let prepared = try options.features.prepare(table, threads: threads, forDistances: false)
        let matrix = prepared.features.matrix
        var matrixRowOfTableRow = [Int](repeating: -1, count: table.rowCount)
        for (matrixRow, tableRow) in prepared.features.tableRows.enumerated() { matrixRowOfTableRow[tableRow] = matrixRow }

        // Output layout: each table column, a feature column expanded to its outputs.
        var header: [String] = []
        var featureOffset = [Int?](repeating: nil, count: table.columnCount)
        var widths = [Int](repeating: 1, count: table.columnCount)
        var offset = 0
        for (position, column) in prepared.featureColumns.enumerated() {
            featureOffset[column] = offset
            widths[column] = prepared.pipeline.columns[position].encoding.width
            offset += widths[column]
        }
        var positionOfColumn = [Int?](repeating: nil, count: table.columnCount)
        for (position, column) in prepared.featureColumns.enumerated() { positionOfColumn[column] = position }
        for column in 0..<table.columnCount {
            if let position = positionOfColumn[column] {
                header += prepared.pipeline.columns[position].outputNames
            } else {
                header.append(table.columnNames[column])
            }
        }

        let sink = try options.output.open()
        let writer = try RecordWriter(sink: sink, format: options.output.format(report: false), header: header)
        var values: [OutputValue] = []
        for row in 0..<table.rowCount {
            values.removeAll(keepingCapacity: true)
            let matrixRow = matrixRowOfTableRow[row]
            for column in 0..<table.columnCount {
                if let start = featureOffset[column] {
                    for output in start..<(start + widths[column]) {
                        values.append(matrixRow < 0 ? .missing : .number(matrix[matrixRow, output]))
                    }
                } else {
                    values.append(table.outputValue(row: row, column: column))
                }
            }
            try writer.write(values)
        }
        try writer.finish()
        try sink.commit()
        let dropped = table.rowCount - prepared.features.tableRows.count
        if dropped > 0 { console.info("\(dropped) rows with missing values were kept with empty feature cells (--missing drop)") }
    }
}
