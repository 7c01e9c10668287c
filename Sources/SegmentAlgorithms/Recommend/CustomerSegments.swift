import SegmentBase

/// Customer segment labels, e.g. read from the output of `segment cluster`.
///
/// Labels are strings; an empty label or `-1` (noise) means the customer has
/// no segment.
public struct CustomerSegments: Sendable {
    /// The distinct labels, in `IdentifierOrder`.
    public let labels: [String]
    /// The label index of each labelled customer id.
    public let segmentOfCustomer: [String: Int32]

    /// Creates segments from a customer → label map (labels already cleaned).
    public init(labelOfCustomer: [String: String]) {
        labels = IdentifierOrder.sorted(Set(labelOfCustomer.values))
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, Int32($0)) })
        segmentOfCustomer = labelOfCustomer.mapValues { index[$0]! }
    }

    /// Reads the labels of `table`: the id in `idColumn`, the label in
    /// `labelColumn`.
    ///
    /// - Throws: `SegmentError.invalidData` for a missing id or an id listed
    ///   twice with different labels.
    public init(table: Table, idColumn: Int, labelColumn: Int) throws {
        let labelOfCustomer = try Self.labelsByCustomer(table: table, idColumn: idColumn, conflictColumn: labelColumn) { cells, row in
            let label = String(decoding: CellParsing.trimmingSpaces(cells.cell(row: row, column: labelColumn)), as: UTF8.self)
            return label.isEmpty || label == "-1" ? nil : label
        }
        self.init(labelOfCustomer: labelOfCustomer)
    }

    /// The label of each customer id in `idColumn`, from `label(cells, row)`
    /// (`nil`: the row has no segment).
    /// - Throws: `SegmentError.invalidData` for an empty id of a labelled row,
    ///   or an id with two labels (reported at `conflictColumn`).
    private static func labelsByCustomer(table: Table, idColumn: Int, conflictColumn: Int,
                                         label: (CellView, Int) -> String?) throws -> [String: String] {
        var labelOfCustomer: [String: String] = [:]
        try table.withCells { cells in
            for row in 0..<table.rowCount {
                guard let label = label(cells, row) else { continue }
                let idCell = CellParsing.trimmingSpaces(cells.cell(row: row, column: idColumn))
                if idCell.isEmpty {
                    throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: table.columnNames[idColumn],
                                                   message: "expected a customer id, found an empty value")
                }
                let id = String(decoding: idCell, as: UTF8.self)
                if let previous = labelOfCustomer[id], previous != label {
                    throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: table.columnNames[conflictColumn],
                                                   message: "customer '\(id)' has two labels, '\(previous)' and '\(label)'; give each customer one segment")
                }
                labelOfCustomer[id] = label
            }
        }
        return labelOfCustomer
    }

    /// Every id that has a segment.
    public var customerIds: [String] { Array(segmentOfCustomer.keys) }

    /// The segment index of each of `customers` (-1 for none).
    public func segmentIndices(for customers: [String]) -> [Int32] {
        customers.map { segmentOfCustomer[$0] ?? -1 }
    }
}

extension CustomerSegments {
    /// The segments of `labels` keyed by the ids in `idColumn` of `table`:
    /// rows without a segment and noise rows are left out.
    ///
    /// - Throws: `SegmentError.invalidData` for an empty id of a labelled row
    ///   or an id listed twice with different segments.
    public init(table: Table, idColumn: Int, labels: SegmentLabels) throws {
        let labelOfCustomer = try Self.labelsByCustomer(table: table, idColumn: idColumn, conflictColumn: idColumn) { _, row in
            let segment = labels.rows[row]
            return segment < 0 || labels.keys[segment] == "-1" ? nil : labels.keys[segment]
        }
        self.init(labelOfCustomer: labelOfCustomer)
    }
}
