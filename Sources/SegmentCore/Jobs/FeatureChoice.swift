import SegmentBase

/// Which columns of a table a job uses as features.
public enum FeatureChoice: Sendable, Equatable {
    /// Every numeric column except the id column.
    case automatic
    /// These columns, by header name (exact, then a unique case-insensitive
    /// match); each at most once.
    case named([String])

    /// The id column (`explicit` by name, else the first unique, complete
    /// column whose last word is `id`) and the feature columns of `table`.
    /// - Throws: `ParameterError` about `features` for a name that matches
    ///   no column, several columns, or a column named twice, and about `id`
    ///   for an unknown id column.
    public func resolve(in table: Table, idColumn explicit: String?) throws -> (id: Int?, features: [Int]) {
        let idColumn = try ColumnSelection.idColumn(in: table, explicit: explicit)
        switch self {
        case .automatic:
            return (idColumn, ColumnSelection.defaultFeatures(in: table, idColumn: idColumn))
        case .named(let names):
            return (idColumn, try ColumnSelection.resolve(names, in: table.columnNames, parameter: "features"))
        }
    }
}
