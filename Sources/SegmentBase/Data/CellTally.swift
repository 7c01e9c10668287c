/// How many cells of each kind one column (or one block of it) holds: the
/// evidence from which type inference decides the column's type.
package struct CellTally: Sendable {
    /// Missing cells.
    package var missing = 0

    /// An empty tally.
    package init() {}
    /// Whole numbers.
    var integers = 0
    /// Other finite numbers.
    var numbers = 0
    /// Dates and date-times.
    var dates = 0
    /// Infinities.
    var nonFinite = 0
    /// Everything else.
    var texts = 0
    /// The first row whose cell is present but not a finite number.
    var firstNonNumericRow: Int?

    /// Counts one cell of `kind` in `row`.
    @inline(__always)
    package mutating func add(_ kind: CellKind, row: Int) {
        switch kind {
        case .missing: missing += 1
        case .integer: integers += 1
        case .number: numbers += 1
        case .date, .nonFinite, .text:
            switch kind {
            case .date: dates += 1
            case .nonFinite: nonFinite += 1
            default: texts += 1
            }
            if firstNonNumericRow == nil { firstNonNumericRow = row }
        }
    }

    /// Adds the counts of a block of rows that follows this one.
    package mutating func append(_ later: CellTally) {
        missing += later.missing
        integers += later.integers
        numbers += later.numbers
        dates += later.dates
        nonFinite += later.nonFinite
        texts += later.texts
        if firstNonNumericRow == nil { firstNonNumericRow = later.firstNonNumericRow }
    }

    /// Present (non-missing) cells.
    package var present: Int { integers + numbers + dates + nonFinite + texts }
    /// Cells that are numbers, infinities included.
    package var numericCount: Int { integers + numbers + nonFinite }

    /// The column's type when its kinds decide it: every present cell an
    /// integer, a number or a date. `nil` when the column is categorical or
    /// text, which its distinct values decide (`textType(distinct:)`).
    package var typeFromKinds: ColumnType? {
        let present = present
        guard present > 0 else { return nil }
        if integers == present { return .integer }
        if integers + numbers == present { return .number }
        if dates == present { return .date }
        return nil
    }

    /// Categorical or text, for a column with `distinct` distinct present
    /// values (see `ColumnType.categorical`).
    package func textType(distinct: Int) -> ColumnType {
        let present = present
        let repeats = distinct * 2 <= present || (present <= 20 && distinct < present)
        return present > 0 && distinct <= TypeInference.maximumCategories && repeats ? .categorical : .text
    }
}
