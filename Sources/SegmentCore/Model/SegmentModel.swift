import Foundation
import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// A saved segmentation: everything `segment assign` needs to label new rows
/// exactly as `segment cluster` labelled the training rows — the feature
/// columns, their encoding, imputation values and scaler, and the rule that
/// maps a scaled row to a segment.
///
/// Stored as JSON with a `formatVersion`; a file of another version is
/// refused with a message rather than misread.
public struct SegmentModel: Codable, Sendable, Equatable {
    /// The version this build writes and reads.
    public static let currentFormatVersion = 1

    /// The file format version (`currentFormatVersion` when written).
    public var formatVersion: Int
    /// The algorithm that produced the model, e.g. `kmeans`.
    public var algorithm: String

    /// The algorithms whose models this version writes and reads.
    public static let knownAlgorithms = ["kmeans", "agglomerative", "dbscan", "birch", "minibatch-kmeans", "kprototypes", "kmedoids"]
    /// Column choice, encoding, missing-value policy and scaling.
    public var pipeline: FeaturePipeline
    /// The id column of the training input, if any.
    public var idColumn: String?
    /// The name of the label column written by `cluster`.
    public var labelColumn: String
    /// How a scaled row becomes a segment id.
    public var rule: AssignmentRule

    /// Creates a model of the current format version.
    public init(algorithm: String, pipeline: FeaturePipeline, idColumn: String?, labelColumn: String, rule: AssignmentRule) {
        formatVersion = SegmentModel.currentFormatVersion
        self.algorithm = algorithm
        self.pipeline = pipeline
        self.idColumn = idColumn
        self.labelColumn = labelColumn
        self.rule = rule
    }

    /// The model as pretty-printed JSON with sorted keys, newline-terminated.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a model from JSON `data`; `file` names it in messages.
    /// - Throws: `SegmentError.invalidInput` for text that is not JSON, a
    ///   different format version, or a missing or malformed field.
    public static func decode(_ data: Data, file: String) throws -> SegmentModel {
        struct Header: Decodable { var formatVersion: Int? }
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw SegmentError.invalidInput("\(file): not a segment model (expected JSON written by `segment cluster \(parameter: "model")`)")
        }
        guard let version = header.formatVersion else {
            throw SegmentError.invalidInput("\(file): not a segment model (no 'formatVersion' field); write one with `segment cluster \(parameter: "model") FILE`")
        }
        guard version == currentFormatVersion else {
            throw SegmentError.invalidInput("\(file): model format version \(version) is not supported (this segment reads version \(currentFormatVersion)); re-create the model with this version of `segment cluster \(parameter: "model")`")
        }
        do {
            let model = try decoder.decode(SegmentModel.self, from: data)
            try model.validate(file: file)
            return model
        } catch let error as DecodingError {
            throw SegmentError.invalidInput("\(file): damaged model: \(describe(error)); re-create it with `segment cluster \(parameter: "model") FILE`")
        }
    }

    /// Checks that the algorithm is known and the rule's dimensions match the pipeline's output.
    func validate(file: String) throws {
        guard Self.knownAlgorithms.contains(algorithm) else {
            throw SegmentError.invalidInput("\(file): the model's algorithm '\(algorithm)' is not one this version of segment knows (\(Self.knownAlgorithms.joined(separator: ", "))); re-create it with `segment cluster \(parameter: "model") FILE`")
        }
        let width = pipeline.outputWidth
        guard rule.dimensions == width else {
            throw SegmentError.invalidInput("\(file): damaged model: the assignment rule has \(rule.dimensions) features but the pipeline produces \(width); re-create it with `segment cluster \(parameter: "model") FILE`")
        }
        guard pipeline.scaler.center.count == width, pipeline.scaler.scale.count == width else {
            throw SegmentError.invalidInput("\(file): damaged model: the scaler has \(pipeline.scaler.center.count) centres and \(pipeline.scaler.scale.count) scales for the pipeline's \(width) features; re-create it with `segment cluster \(parameter: "model") FILE`")
        }
        guard pipeline.scaler.center.allSatisfy(\.isFinite), pipeline.scaler.scale.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw SegmentError.invalidInput("\(file): damaged model: the scaler's centres must be finite and its scales finite and positive; re-create it with `segment cluster \(parameter: "model") FILE`")
        }
        if let categorical = rule.categoricalFeatures, categorical != pipeline.categoricalFeatures {
            throw SegmentError.invalidInput("\(file): damaged model: the assignment rule's categorical features do not match the pipeline's category columns; re-create it with `segment cluster \(parameter: "model") FILE`")
        }
        guard rule.isConsistent else {
            throw SegmentError.invalidInput("\(file): damaged model: the assignment rule's numbers do not fit together (arrays not matching its dimensions, values not finite, or a tie order that is not an ordering of the segments); re-create it with `segment cluster \(parameter: "model") FILE`")
        }
    }

    /// A one-line account of a decoding failure, naming the field.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "the top level" : "'" + names.joined(separator: ".") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let place = context.codingPath.isEmpty ? "" : " in \(path(context))"
            return "missing field '\(key.stringValue)'\(place)"
        case .valueNotFound(_, let context):
            return "no value for \(path(context))"
        case .typeMismatch(_, let context), .dataCorrupted(let context):
            return "unexpected value at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
