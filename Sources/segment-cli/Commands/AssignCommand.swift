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
                .value("model", \.model, "FILE", help: "The model JSON written by `segment cluster --model`.").readsFile(),
                .value("label-column", \.labelColumn, "NAME", help: "Name of the added label column.", defaultDescription: "the model's label column"),
            ]
            + OutputOptions.declarations(formats: [.csv, .tsv, .json, .jsonl, .table]).lifted(to: \.output)
            + RuntimeOptions.declarations(seed: false, threads: false).lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        guard let modelPath = options.model else {
            throw UsageError(message: "assign needs --model FILE (write one with `segment cluster --model FILE`)")
        }
        let model = try SegmentModel.load(path: modelPath)
        let source = try InputOptions.source(options.positionals)
        let job = AssignJob(model: model, source: source, dialect: try options.input.dialect(for: source),
                            labelColumn: options.labelColumn, output: options.output.destination,
                            format: options.output.format(report: false))
        let result = try job.run()
        let sizes = result.segmentSizes.keys.sorted().map { "\($0): \(result.segmentSizes[$0]!)" }.joined(separator: ", ")
        var summary = "\(model.algorithm) model: \(result.rows) rows labelled; per segment \(sizes.isEmpty ? "none" : sizes)"
        if result.noise > 0 { summary += "; noise \(result.noise)" }
        if result.unlabelled > 0 { summary += "; \(result.unlabelled) rows with missing values left unlabelled" }
        console.info(summary)
    }
}
