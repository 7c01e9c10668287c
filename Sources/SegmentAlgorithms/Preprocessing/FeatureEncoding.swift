import Foundation
import SegmentBase

/// How one input column becomes feature values.
public enum FeatureEncoding: Sendable, Codable, Equatable {
    /// The column's number, used as is (then scaled).
    case numeric
    /// One 0/1 indicator per category, in the listed order; a category not in
    /// the list (seen only when labelling new rows) sets no indicator.
    case oneHot(categories: [String])
    /// The category's position in the listed order, one feature, never
    /// scaled (k-prototypes and k-medoids compare categories as such); a
    /// category not in the list is an error.
    case category(categories: [String])

    /// Number of output features this encoding produces.
    public var width: Int {
        switch self {
        case .numeric, .category: return 1
        case .oneHot(let categories): return categories.count
        }
    }
}

/// One input column of a feature pipeline: its name, encoding and the value
/// that fills a missing cell (when the missing policy imputes).
public struct FeatureColumn: Sendable, Codable, Equatable {
    /// The column's header name, matched exactly in new input.
    public var name: String
    /// How the column is encoded.
    public var encoding: FeatureEncoding
    /// Fill for a missing numeric cell (mean, median or mode), if imputing.
    public var numericFill: Double?
    /// Fill for a missing categorical cell (the most frequent category), if imputing.
    public var categoryFill: String?

    /// Creates a feature column.
    public init(name: String, encoding: FeatureEncoding, numericFill: Double? = nil, categoryFill: String? = nil) {
        self.name = name
        self.encoding = encoding
        self.numericFill = numericFill
        self.categoryFill = categoryFill
    }

    /// The names of the output features: the column name for a number,
    /// `name=category` for each indicator.
    public var outputNames: [String] {
        switch encoding {
        case .numeric, .category: return [name]
        case .oneHot(let categories): return categories.map { "\(name)=\($0)" }
        }
    }

    /// Writes this column's encoded value(s) for `cell` into `output`.
    /// - Returns: false when the cell is missing and there is no fill
    ///   (`output` then holds NaN for a numeric or category column).
    /// - Throws: `FeatureCellError.notANumber` for text in a numeric column,
    ///   `.unknownCategory` for a category the column was not fitted with.
    @inlinable
    func encode(_ cell: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<Double>) throws(FeatureCellError) -> Bool {
        switch encoding {
        case .numeric:
            let trimmed = CellParsing.trimmingSpaces(cell)
            if trimmed.isEmpty || CellParsing.isMissingToken(trimmed) {
                guard let numericFill else {
                    output.pointee = .nan
                    return false
                }
                output.pointee = numericFill
                return true
            }
            guard let parsed = CellParsing.parseNumber(trimmed) else { throw .notANumber }
            output.pointee = parsed.value
            return true
        case .oneHot(let categories):
            output.update(repeating: 0, count: categories.count)
            let trimmed = CellParsing.trimmingSpaces(cell)
            var category: String
            if trimmed.isEmpty || CellParsing.isMissingToken(trimmed) {
                guard let categoryFill else { return false }
                category = categoryFill
            } else {
                category = String(decoding: cell, as: UTF8.self)
            }
            if let index = categories.firstIndex(of: category) { output[index] = 1 }
            return true
        case .category(let categories):
            let trimmed = CellParsing.trimmingSpaces(cell)
            var category: String
            if trimmed.isEmpty || CellParsing.isMissingToken(trimmed) {
                guard let categoryFill else {
                    output.pointee = .nan
                    return false
                }
                category = categoryFill
            } else {
                category = String(decoding: cell, as: UTF8.self)
            }
            guard let index = categories.firstIndex(of: category) else { throw .unknownCategory(known: categories) }
            output.pointee = Double(index)
            return true
        }
    }
}

/// Why a single cell could not be encoded.
public enum FeatureCellError: Error {
    /// A numeric feature cell holds text or an infinity.
    case notANumber
    /// A categorical cell holds a category the model was not fitted with.
    case unknownCategory(known: [String])

    /// The message for the bad cell text `found`.
    public func message(for found: String) -> String {
        if case .unknownCategory(let known) = self {
            let listed = known.prefix(10).map { MessageText.quoted($0) }.joined(separator: ", ") + (known.count > 10 ? ", …" : "")
            return "found \(MessageText.quoted(found)), a category the model was not fitted with (it knows \(listed)); correct the value, or re-create the model with data that has it"
        }
        var trimmed = found.trimmingCharacters(in: .whitespaces)
        let infinite = trimmed.withUTF8 { CellParsing.isInfinityToken($0) }
        // Digits alone that do not parse overflow a Double (beyond ±1.8e308).
        let overflowing = !trimmed.isEmpty && trimmed.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
            && trimmed.contains(where: \.isNumber)
        let expected = infinite || overflowing ? "a finite number" : "a number"
        return "expected \(expected), found \(MessageText.quoted(found)); correct it, or leave it empty (or NA) to mark it missing"
    }
}
