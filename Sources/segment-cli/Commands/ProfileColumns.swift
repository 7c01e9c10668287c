import SegmentCore

/// The label, numeric and categorical columns for `profile` and `report`.
struct ProfileColumns {

    /// The label column.
    var label: Int
    /// Numeric columns described by statistics.
    var numeric: [Int]
    /// Categorical columns described by shares.
    var categorical: [Int]
    /// The numeric `stability` column `segment cluster --stability` writes,
    /// reported per segment rather than described as a feature.
    var stability: Int?
    /// The `clv` and `p_alive` columns `segment clv` writes, reported as each
    /// segment's customer value rather than described as features.
    var value: CustomerValueColumns?

    /// The name of the column that carries each row's segment stability.
    static let stabilityColumn = "stability"

    /// Resolves the label column (`labelColumn`, `nil` when not named: then
    /// `segment`, which must exist), the id column and the described columns
    /// (`features`; default: every numeric and categorical column except the
    /// id and the label).
    /// - Throws: `ParameterError` for unknown columns or a
    ///   named column that is neither numeric nor categorical.
    static func resolve(_ table: Table, labelColumn: String?, id: String?, features: NameList?) throws -> ProfileColumns {
        let labelName = labelColumn ?? ClusterOutput.defaultLabelColumn
        if labelColumn == nil && !table.columnNames.contains(labelName) {
            throw ParameterError("label-column", "\(table.source) has no column '\(labelName)'; label it first with 'segment cluster', or name the label column with \(parameter: "label-column") (columns: \(table.columnNames.joined(separator: ", ")))")
        }
        let label = try ColumnSelection.resolve(labelName, in: table.columnNames, parameter: "label-column")
        let id = try ColumnSelection.idColumn(in: table, explicit: id)
        let value = CustomerValueColumns(table: table)
        var chosen: [Int]
        if let names = features?.names {
            chosen = try ColumnSelection.resolve(names, in: table.columnNames, parameter: "features")
            for column in chosen where !(table.columns[column].type.isNumeric || table.columns[column].type == .categorical) {
                throw ParameterError("features", "\(parameter: "features"): column '\(table.columnNames[column])' is \(table.columns[column].type.rawValue), not numeric or categorical; profile describes numeric columns by statistics and categorical ones by shares")
            }
            if chosen.contains(label) {
                throw ParameterError("features", "\(parameter: "features"): '\(table.columnNames[label])' is the label column; leave it out")
            }
        } else {
            chosen = table.columns.indices.filter { column in
                column != label && column != id && table.columnNames[column] != stabilityColumn
                    && column != value?.clv && column != value?.probabilityAlive
                    && (table.columns[column].type.isNumeric || table.columns[column].type == .categorical)
            }
        }
        let stability = table.columnIndex(named: stabilityColumn).flatMap { table.columns[$0].type.isNumeric ? $0 : nil }
        return ProfileColumns(label: label,
                              numeric: chosen.filter { table.columns[$0].type.isNumeric },
                              categorical: chosen.filter { table.columns[$0].type == .categorical },
                              stability: stability, value: value)
    }
}

/// `--label-column`, `--features` and `--id` of the commands that read a
/// labelled table (`profile`, `explain`), resolved by `ProfileColumns`.
struct LabelledColumnsOptions: Sendable {
    /// The label column; `nil` reads `segment`, which must exist.
    var labelColumn: String?
    /// The columns to use; `nil` uses every numeric and categorical one.
    var features: NameList?
    /// The id column; `nil` detects it.
    var id: String?

    /// The options, with what the command does with the features and the id.
    static func declarations(features featuresHelp: String, id idHelp: String) -> [Option<LabelledColumnsOptions>] {
        [
            .value("label-column", \.labelColumn, "NAME", help: "The column holding segment labels.", defaultDescription: ClusterOutput.defaultLabelColumn),
            .value("features", \.features, "A,B,C", help: featuresHelp, defaultDescription: "every numeric and categorical column except the id and the label"),
            .value("id", \.id, "COL", help: idHelp, defaultDescription: "first unique column whose last word is 'id'"),
        ]
    }

    /// The columns of `table` these options name (see `ProfileColumns.resolve`).
    func resolve(in table: Table) throws -> ProfileColumns {
        try ProfileColumns.resolve(table, labelColumn: labelColumn, id: id, features: features)
    }
}
