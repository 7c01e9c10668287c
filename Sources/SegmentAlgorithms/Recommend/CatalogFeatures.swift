import Foundation
import SegmentBase

/// Item vectors built from a product catalog for content-based
/// recommendation (Pazzani & Billsus, "Content-based recommendation
/// systems", The Adaptive Web, LNCS 4321, 2007).
///
/// Each item's vector has three blocks, each of unit length before the whole
/// vector is scaled to unit length:
/// - text: TF-IDF (`TFIDF`) over lower-cased letter/digit tokens of the text
///   columns (name, description);
/// - categories: one-hot indicators of every categorical column (category,
///   brand), each column weighted 1/√columns;
/// - numbers: every numeric column (price) min-max scaled to x in [0, 1] and
///   encoded as the pair (x, 1 − x), so that cheap items resemble cheap items
///   and expensive ones expensive ones; weighted 1/√columns.
public struct CatalogFeatures: Sendable {
    /// The catalog's item ids, in file order.
    public let itemIds: [String]
    /// One unit-length row per item of `itemIds`.
    public let vectors: SparseMatrix

    /// Builds the item vectors of `table`.
    ///
    /// - Throws: `SegmentError.invalidData` for an empty or repeated id, or
    ///   a numeric cell that is not a number.
    public init(table: Table, idColumn: Int, textColumns: [Int], categoricalColumns: [Int], numericColumns: [Int]) throws {
        let rowCount = table.rowCount
        var ids: [String] = []
        var seen = Set<String>()
        var rows: [Int32] = [], columns: [Int32] = [], values: [Double] = []
        var featureCount = 0
        try table.withCells { cells in
            for row in 0..<rowCount {
                let id = String(decoding: CellParsing.trimmingSpaces(cells.cell(row: row, column: idColumn)), as: UTF8.self)
                guard !id.isEmpty, seen.insert(id).inserted else {
                    throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: table.columnNames[idColumn],
                                                   message: id.isEmpty ? "expected an item id, found an empty value" : "item id '\(id)' is listed twice; give each item one row")
                }
                ids.append(id)
            }
            // Text block: token counts, then TF-IDF with unit rows.
            var vocabulary: [String: Int32] = [:]
            var tokenRows: [Int32] = [], tokenColumns: [Int32] = [], tokenCounts: [Double] = []
            for row in 0..<rowCount {
                for column in textColumns {
                    for token in Self.tokens(String(decoding: cells.cell(row: row, column: column), as: UTF8.self)) {
                        let index = vocabulary[token] ?? {
                            let next = Int32(vocabulary.count)
                            vocabulary[token] = next
                            return next
                        }()
                        tokenRows.append(Int32(row))
                        tokenColumns.append(index)
                        tokenCounts.append(1)
                    }
                }
            }
            let text = TFIDF.weighted(SparseMatrix(rowCount: rowCount, columnCount: vocabulary.count, rows: tokenRows, columns: tokenColumns, values: tokenCounts))
            for row in 0..<rowCount {
                for position in text.entries(ofRow: row) {
                    rows.append(Int32(row))
                    columns.append(text.columnIndices[position])
                    values.append(text.values[position])
                }
            }
            featureCount = vocabulary.count
            // Category block: one indicator per (column, value).
            let categoryWeight = categoricalColumns.isEmpty ? 0 : 1 / Double(categoricalColumns.count).squareRoot()
            for column in categoricalColumns {
                var valueIndex: [String: Int32] = [:]
                for row in 0..<rowCount {
                    let cell = CellParsing.trimmingSpaces(cells.cell(row: row, column: column))
                    if CellParsing.isMissing(cell) { continue }
                    let value = String(decoding: cell, as: UTF8.self)
                    let index = valueIndex[value] ?? {
                        let next = Int32(featureCount + valueIndex.count)
                        valueIndex[value] = next
                        return next
                    }()
                    rows.append(Int32(row))
                    columns.append(index)
                    values.append(categoryWeight)
                }
                featureCount += valueIndex.count
            }
            // Number block: (x, 1 - x) with x min-max scaled.
            let numberWeight = numericColumns.isEmpty ? 0 : 1 / Double(numericColumns.count).squareRoot()
            for column in numericColumns {
                var parsed = [Double?](repeating: nil, count: rowCount)
                for row in 0..<rowCount {
                    let cell = CellParsing.trimmingSpaces(cells.cell(row: row, column: column))
                    if CellParsing.isMissing(cell) { continue }
                    guard let number = CellParsing.parseNumber(cell), number.value.isFinite else {
                        throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: table.columnNames[column],
                                                       message: "expected a number, found \(MessageText.quoted(cell))")
                    }
                    parsed[row] = number.value
                }
                let present = parsed.compactMap { $0 }
                let low = present.min() ?? 0, high = present.max() ?? 0
                for row in 0..<rowCount {
                    guard let value = parsed[row] else { continue }
                    let x = high > low ? (value - low) / (high - low) : 0.5
                    let pair = [x, 1 - x]
                    let norm = (x * x + (1 - x) * (1 - x)).squareRoot()
                    for (offset, part) in pair.enumerated() where part > 0 {
                        rows.append(Int32(row))
                        columns.append(Int32(featureCount + offset))
                        values.append(numberWeight * part / norm)
                    }
                }
                featureCount += 2
            }
        }
        var matrix = SparseMatrix(rowCount: rowCount, columnCount: featureCount, rows: rows, columns: columns, values: values)
        for row in 0..<rowCount {
            let range = matrix.entries(ofRow: row)
            let squares = range.reduce(0.0) { $0 + matrix.values[$1] * matrix.values[$1] }
            guard squares > 0 else { continue }
            let scale = 1 / squares.squareRoot()
            for position in range { matrix.values[position] *= scale }
        }
        itemIds = ids
        vectors = matrix
    }

    /// Lower-cased runs of letters and digits of `text`.
    static func tokens(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The vectors re-indexed to `items` (an engine's item order); items
    /// missing from the catalog get empty rows.
    public func aligned(to items: [String]) -> SparseMatrix {
        var rowOfId: [String: Int] = [:]
        for (row, id) in itemIds.enumerated() { rowOfId[id] = row }
        var rows: [Int32] = [], columns: [Int32] = [], values: [Double] = []
        for (index, id) in items.enumerated() {
            guard let row = rowOfId[id] else { continue }
            for position in vectors.entries(ofRow: row) {
                rows.append(Int32(index))
                columns.append(vectors.columnIndices[position])
                values.append(vectors.values[position])
            }
        }
        return SparseMatrix(rowCount: items.count, columnCount: vectors.columnCount, rows: rows, columns: columns, values: values)
    }
}
