import Foundation
import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Labels new rows with a saved model, streaming: every input record is
/// written unchanged plus the label column, in bounded memory.
///
/// Each record goes through the model's own column choice (input columns
/// found by exact name), one-hot encoding, missing-value handling and
/// scaling, then its assignment rule. A record dropped by the model's
/// missing-value policy gets an empty label.
public struct AssignJob {
    /// The model that labels the rows.
    public var model: SegmentModel
    /// The delimited input.
    public var source: InputSource
    /// How the input is delimited and whether it has a header (without one,
    /// columns are named `col1`…`colN`).
    public var dialect: CSVDialect
    /// The added label column's name; `nil`: the model's `labelColumn`.
    public var labelColumn: String?
    /// Where the labelled rows go; a file is renamed into place on success.
    public var output: OutputDestination
    /// The format of the labelled rows.
    public var format: OutputFormat

    /// A job labelling `source` with `model`.
    public init(model: SegmentModel, source: InputSource, dialect: CSVDialect, labelColumn: String? = nil,
                output: OutputDestination = .standardOutput, format: OutputFormat = .csv) {
        self.model = model
        self.source = source
        self.dialect = dialect
        self.labelColumn = labelColumn
        self.output = output
        self.format = format
    }

    /// What `AssignJob.run()` labelled.
    public struct Result: Sendable, Equatable {
        /// Rows read and written.
        public var rows: Int
        /// Rows per segment id (0 and up), for the segments that got any.
        public var segmentSizes: [Int: Int]
        /// Rows labelled as noise (-1, DBSCAN models).
        public var noise: Int
        /// Rows left without a label by the model's missing-value policy.
        public var unlabelled: Int

        /// A result of these counts.
        public init(rows: Int, segmentSizes: [Int: Int], noise: Int, unlabelled: Int) {
            self.rows = rows
            self.segmentSizes = segmentSizes
            self.noise = noise
            self.unlabelled = unlabelled
        }
    }

    /// Reads, labels and writes every record, then commits the output.
    /// - Throws: `CSVError` for an empty input or a repeated model column,
    ///   `SegmentError.invalidData` for a missing model column or a bad cell,
    ///   and read or write failures; a file output is then left untouched.
    public func run() throws -> Result {
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
        let model = model
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

        let sink = try OutputSink(output)
        let writer = try LabelledRowsWriter(sink: sink, format: format, columnNames: columnNames,
                                            labelColumn: labelColumn ?? model.labelColumn)
        var assigner = SegmentAssigner(rule: model.rule)
        let featureNames = model.pipeline.outputNames
        var features = [Double](repeating: 0, count: model.pipeline.outputWidth)
        var counts: [Int: Int] = [:]
        var rows = 0
        while let record = try first ?? reader.nextRecord() {
            first = nil
            let label = try features.withUnsafeMutableBufferPointer { features -> Int? in
                let complete = try model.pipeline.encodeRow(into: features.baseAddress!, source: reader.name, line: record.line,
                                                         missingHint: FeaturePipeline.modelMissingHint) {
                    record.field(inputColumns[$0])
                }
                guard complete else { return nil }
                model.pipeline.scaler.transform(row: features)
                try FeatureMagnitude.check(row: UnsafeBufferPointer(features), names: featureNames, source: reader.name,
                                           line: record.line, scale: model.pipeline.scaler.method)
                return assigner.label(of: UnsafeBufferPointer(features))
            }
            try writer.write(record, label: label)
            counts[label ?? Int.min, default: 0] += 1
            rows += 1
        }
        try writer.finish()
        try sink.commit()
        let noise = counts.removeValue(forKey: -1) ?? 0
        let unlabelled = counts.removeValue(forKey: Int.min) ?? 0
        return Result(rows: rows, segmentSizes: counts, noise: noise, unlabelled: unlabelled)
    }
}
