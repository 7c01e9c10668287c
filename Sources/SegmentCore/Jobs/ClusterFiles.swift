import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// The files a clustering job writes beside its labelled rows: each
/// segment's centre in original units, and the saved model.
public enum ClusterFiles {
    /// Writes each segment's size and centre in original units as CSV
    /// (header `labelColumn`, `size`, the pipeline's output names; one-hot
    /// columns as shares, category-code columns as the category) to
    /// `destination`, opened in `outputs`.
    /// - Parameter centers: one scaled centre per segment, in segment order.
    public static func writeCenters(_ centers: Matrix, sizes: [Int], pipeline: FeaturePipeline, labelColumn: String,
                                    to destination: OutputDestination, outputs: OutputBatch) throws {
        var centers = centers
        pipeline.scaler.inverseTransform(&centers)
        let sink = try outputs.open(destination)
        let writer = try RecordWriter(sink: sink, format: .csv, header: [labelColumn, "size"] + pipeline.outputNames)
        let categoriesOfFeature = pipeline.columns.flatMap { column -> [[String]?] in
            if case .category(let categories) = column.encoding { return [categories] }
            return [[String]?](repeating: nil, count: column.encoding.width)
        }
        for segment in 0..<centers.rows {
            let values = centers.row(segment).enumerated().map { feature, value -> OutputValue in
                guard let categories = categoriesOfFeature[feature] else { return .number(value) }
                return value.isNaN ? .missing : .text(categories[Int(value)])
            }
            try writer.write([.integer(segment), .integer(sizes[segment])] + values)
        }
        try writer.finish()
    }

    /// Saves `model` as JSON (`SegmentModel.jsonText()`) to `destination`,
    /// opened in `outputs`.
    public static func writeModel(_ model: SegmentModel, to destination: OutputDestination, outputs: OutputBatch) throws {
        let sink = try outputs.open(destination)
        try sink.write(try model.jsonText())
    }
}
