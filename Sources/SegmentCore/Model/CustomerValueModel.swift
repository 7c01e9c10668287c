import Foundation
import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// A fitted customer-value model saved as JSON by `segment clv`
/// (`--model-out`) and read back to score another purchase log without
/// refitting: the purchase-count model's parameters, the Gamma-Gamma spend
/// model's (when it could be fitted), the period, the calibration window and
/// the log-likelihoods.
public struct CustomerValueModel: Codable, Sendable, Equatable {
    /// The format version this build writes and reads.
    public static let currentFormatVersion = 1
    /// The purchase-count models a file may name.
    public static let knownModels = [BetaGeometricNBD.name, ParetoNBD.name]

    /// Always "segment-clv", which tells this file from a clustering model.
    public var kind = "segment-clv"
    /// The file format's version.
    public var formatVersion = currentFormatVersion
    /// `bg-nbd` or `pareto-nbd`.
    public var model: String
    /// The purchase-count model's parameters by name (`r`, `alpha`, …).
    public var parameters: [String: Double]
    /// The purchase-count fit's log-likelihood.
    public var logLikelihood: Double
    /// Customers in the fit.
    public var customers: Int
    /// The time unit of recency, T and horizons (`day`, `week`, `month`).
    public var period: String
    /// The last day of the calibration window, `YYYY-MM-DD`.
    public var calibrationEnd: String
    /// The spend model, absent when no customer had a repeat purchase with an amount.
    public var gammaGamma: SpendModel?

    /// The saved Gamma-Gamma model.
    public struct SpendModel: Codable, Sendable, Equatable {
        /// Its parameters by name (`p`, `q`, `v`).
        public var parameters: [String: Double]
        /// Its fit's log-likelihood.
        public var logLikelihood: Double
        /// Repeat buyers in the fit.
        public var customers: Int
    }

    /// The model of `fit` and `spend` for a summary ending on `calibrationEnd` in `period`.
    public init(purchases fit: ModelFit<any PurchaseCountModel>, spend: ModelFit<GammaGamma>?, period: ValuePeriod, calibrationEnd: Int) {
        model = type(of: fit.model).name
        parameters = Dictionary(uniqueKeysWithValues: zip(type(of: fit.model).parameterNames, fit.model.parameterValues))
        logLikelihood = fit.logLikelihood
        customers = fit.customers
        self.period = period.rawValue
        self.calibrationEnd = CellParsing.formatDate(seconds: Double(calibrationEnd) * 86_400)
        gammaGamma = spend.map {
            SpendModel(parameters: Dictionary(uniqueKeysWithValues: zip(GammaGamma.parameterNames, $0.model.parameterValues)),
                       logLikelihood: $0.logLikelihood, customers: $0.customers)
        }
    }

    /// The time unit.
    public var valuePeriod: ValuePeriod { ValuePeriod(rawValue: period)! }

    /// The purchase-count model.
    public var purchaseModel: any PurchaseCountModel {
        model == ParetoNBD.name
            ? ParetoNBD(parameterValues: ParetoNBD.parameterNames.map { parameters[$0]! })
            : BetaGeometricNBD(parameterValues: BetaGeometricNBD.parameterNames.map { parameters[$0]! })
    }

    /// The spend model, if saved.
    public var spendModel: GammaGamma? {
        gammaGamma.map { spend in GammaGamma(parameterValues: GammaGamma.parameterNames.map { spend.parameters[$0]! }) }
    }

    /// The model as pretty-printed JSON with sorted keys.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads and checks the model file at `path`.
    /// - Throws: `SegmentError` when the file cannot be read or is not a valid model.
    public static func load(path: String) throws -> CustomerValueModel {
        let bytes = try ByteReader(.file(path)).readAll()
        return try decode(Data(bytes), file: path)
    }

    /// Reads a model from JSON `data`; `file` names it in messages.
    /// - Throws: `SegmentError.invalidInput` for text that is not such a
    ///   model, another format version, or a missing, unknown or unusable value.
    public static func decode(_ data: Data, file: String) throws -> CustomerValueModel {
        let remedy: ParameterText = "re-create it with `segment clv \(parameter: "model-out") FILE`"
        struct Header: Decodable { var kind: String?; var formatVersion: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw SegmentError.invalidInput("\(file): not a customer-value model (expected JSON written by `segment clv \(parameter: "model-out")`)")
        }
        guard header.kind == "segment-clv" else {
            throw SegmentError.invalidInput("\(file): not a customer-value model (its 'kind' is \(header.kind.map { "'\($0)'" } ?? "missing"), expected 'segment-clv'); a clustering model goes to `segment assign`; \(remedy)")
        }
        guard header.formatVersion == currentFormatVersion else {
            throw SegmentError.invalidInput("\(file): customer-value model format version \(header.formatVersion.map(String.init) ?? "(missing)") is not supported (this segment reads version \(currentFormatVersion)); \(remedy)")
        }
        let model: CustomerValueModel
        do {
            model = try JSONDecoder().decode(CustomerValueModel.self, from: data)
        } catch let error as DecodingError {
            throw SegmentError.invalidInput("\(file): damaged customer-value model: \(SegmentModel.describe(error)); \(remedy)")
        }
        guard knownModels.contains(model.model) else {
            throw SegmentError.invalidInput("\(file): the model '\(model.model)' is not one this version of segment knows (\(knownModels.joined(separator: ", "))); \(remedy)")
        }
        guard ValuePeriod(rawValue: model.period) != nil else {
            throw SegmentError.invalidInput("\(file): damaged customer-value model: 'period' is '\(model.period)', expected \(ValuePeriod.allCases.map(\.rawValue).joined(separator: ", ")); \(remedy)")
        }
        let names = model.model == ParetoNBD.name ? ParetoNBD.parameterNames : BetaGeometricNBD.parameterNames
        try checkParameters(model.parameters, names: names, field: "parameters", file: file, remedy: remedy)
        if let spend = model.gammaGamma {
            try checkParameters(spend.parameters, names: GammaGamma.parameterNames, field: "gammaGamma.parameters", file: file, remedy: remedy)
        }
        return model
    }

    /// Every name of `names` must be in `values`, finite and positive.
    private static func checkParameters(_ values: [String: Double], names: [String], field: String, file: String, remedy: ParameterText) throws {
        for name in names {
            guard let value = values[name] else {
                throw SegmentError.invalidInput("\(file): damaged customer-value model: '\(field)' has no '\(name)'; \(remedy)")
            }
            guard value.isFinite, value > 0 else {
                throw SegmentError.invalidInput("\(file): damaged customer-value model: '\(field).\(name)' is \(value), expected a finite positive number; \(remedy)")
            }
        }
    }
}
