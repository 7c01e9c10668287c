import SegmentBase

/// The columns of a labelled table that carry customer value (`segment clv`'s output).
public struct CustomerValueColumns: Sendable, Equatable {
    /// The numeric `clv` column.
    public var clv: Int
    /// The numeric `p_alive` column, if present.
    public var probabilityAlive: Int?

    /// The value columns at these indices.
    public init(clv: Int, probabilityAlive: Int?) {
        self.clv = clv
        self.probabilityAlive = probabilityAlive
    }

    /// The names `segment clv` writes.
    public static let clvName = "clv", probabilityAliveName = "p_alive"

    /// The value columns of `table` by those names, when `clv` is a numeric column.
    public init?(table: Table) {
        guard let clv = table.columnIndex(named: Self.clvName), table.columns[clv].type.isNumeric else { return nil }
        let alive = table.columnIndex(named: Self.probabilityAliveName).flatMap { table.columns[$0].type.isNumeric ? $0 : nil }
        self.init(clv: clv, probabilityAlive: alive)
    }
}
