import Foundation
import SegmentCore

/// `segment assign`: labels new rows with a saved model, streaming.
enum AssignCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "assign",
        abstract: "Label new rows with a model saved by `segment cluster --model`.",
        discussion: """
        Applies the model's own column choice, one-hot encoding, missing-value handling and scaling to each row, then its assignment rule (nearest centre for k-means; nearest core point within eps, else -1, for DBSCAN). Every input row is written unchanged plus the label column (the model's, or --label-column); a row dropped by the model's --missing drop policy gets an empty label. Input columns are found by exact name; a missing one is an error naming it.

        The input is read record by record and written as it goes, so files of any size are labelled in bounded memory, and shards of a large file can be labelled in parallel (GNU parallel, Spark RDD.pipe).
        """,
        usage: "segment assign --model FILE [options] [FILE]",
        options: Options.optionSpecs,
        examples: [
            "segment cluster Fixtures/mall_customers.csv --k 5 --model mall.json -o /dev/null && segment assign --model mall.json new_customers.csv",
            "parallel --pipepart -a big.csv --header : segment assign --model mall.json > labelled.csv",
        ]
    )

    /// The options of `assign`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        /// The model file.
        var model: String?
        /// The label column's name; `nil` takes the model's.
        var labelColumn: String?
        var output = OutputOptions(format: .csv)
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + [
                .value("model", \.model, "FILE", help: "The model JSON written by `segment cluster --model`."),
                .value("label-column", \.labelColumn, "NAME", help: "Name of the added label column.", defaultDescription: "the model's label column"),
            ]
            + OutputOptions.declarations(formats: [.csv, .tsv, .json, .jsonl, .table]).lifted(to: \.output)
            + RuntimeOptions.declarations(seed: false, threads: false).lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        guard let modelPath = options.model else {
            throw UsageError(message: "assign needs --model FILE (write one with `segment cluster --model FILE`)")
        }
        let model = try loadModel(modelPath)
        let source = try InputOptions.source(options.positionals)
        let dialect = try options.input.dialect(for: source)
        let reader = try CSVReader(source: source, dialect: dialect)
        var header: [String]? = nil
        if dialect.hasHeader {
            guard let first = try reader.nextRecord() else { throw CSVError.empty(file: reader.name) }
            header = first.strings.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var first = header == nil ? try reader.nextRecord() : nil
        if header == nil {
            guard let record = first else { throw CSVError.empty(file: reader.name) }
            header = (1...record.count).map { "col\($0)" }
        }
        let columnNames = header!
        let labelColumn = options.labelColumn ?? model.labelColumn
        let inputColumns = try model.pipeline.columns.map { column in
            guard let index = columnNames.firstIndex(of: column.name) else {
                throw SegmentError.invalidData(file: reader.name, line: 1, column: nil,
                                               message: "the model needs column '\(column.name)', which the input lacks (columns: \(columnNames.joined(separator: ", ")))")
            }
            if let second = columnNames[(index + 1)...].firstIndex(of: column.name) {
                throw CSVError.duplicateColumn(file: reader.name, name: column.name, firstColumn: index + 1, secondColumn: second + 1)
            }
            return index
        }

        let sink = try options.output.open()
        let writer = try RecordWriter(sink: sink, format: options.output.format(report: false), header: columnNames + [labelColumn])
        var assigner = SegmentAssigner(rule: model.rule)
        let featureNames = model.pipeline.outputNames
        var features = [Double](repeating: 0, count: model.pipeline.outputWidth)
        var values: [OutputValue] = []
        var counts: [Int: Int] = [:]
        var rows = 0
        while let record = try first ?? reader.nextRecord() {
            first = nil
            let label = try features.withUnsafeMutableBufferPointer { features -> Int? in
                let complete = try model.pipeline.encodeRow(into: features.baseAddress!, source: reader.name, line: record.line) {
                    record.field(inputColumns[$0])
                }
                guard complete else { return nil }
                model.pipeline.scaler.transform(row: features)
                try FeatureMagnitude.check(row: UnsafeBufferPointer(features), names: featureNames, source: reader.name,
                                           line: record.line, scale: model.pipeline.scaler.method)
                return assigner.label(of: UnsafeBufferPointer(features))
            }
            let labelValue: OutputValue = label.map { .integer($0) } ?? .missing
            if writer.passesCellsThrough {
                try writer.write(cells: record.field, count: record.count, appending: [labelValue])
            } else {
                values.removeAll(keepingCapacity: true)
                for field in 0..<record.count { values.append(passThrough(record.field(field))) }
                values.append(labelValue)
                try writer.write(values)
            }
            counts[label ?? Int.min, default: 0] += 1
            rows += 1
        }
        try writer.finish()
        try sink.commit()
        let sizes = counts.keys.filter { $0 >= 0 }.sorted().map { "\($0): \(counts[$0]!)" }.joined(separator: ", ")
        var summary = "\(model.algorithm) model: \(rows) rows labelled; per segment \(sizes.isEmpty ? "none" : sizes)"
        if let noise = counts[-1] { summary += "; noise \(noise)" }
        if let dropped = counts[Int.min] { summary += "; \(dropped) rows with missing values left unlabelled" }
        console.info(summary)
    }

    /// Reads and checks the model file.
    static func loadModel(_ path: String) throws -> SegmentModel {
        let bytes = try ByteReader(.file(path)).readAll()
        return try SegmentModel.decode(Data(bytes), file: path)
    }

    /// An input cell as an output value: numbers stay numbers (bare in
    /// JSON), missing cells become empty/null, anything else is text.
    static func passThrough(_ cell: UnsafeBufferPointer<UInt8>) -> OutputValue {
        if CellParsing.isMissing(cell) { return .missing }
        let text = String(decoding: cell, as: UTF8.self)
        return CellParsing.parseNumber(CellParsing.trimmingSpaces(cell)) != nil ? .numberText(text) : .text(text)
    }
}
