extension Table {
    /// The cell at `row`, `column` as a typed output value: numbers for
    /// numeric columns (so JSON keeps them numeric), text otherwise, and
    /// `missing` for missing cells.
    public func outputValue(row: Int, column: Int) -> OutputValue {
        let info = columns[column]
        if info.type.isNumeric {
            // Every present cell of a numeric column is a finite number, so
            // its value is NaN exactly when the cell is missing.
            let missing = info.values.map { $0[row].isNaN } ?? withCells { CellParsing.isMissing($0.cell(row: row, column: column)) }
            if missing { return .missing }
            return .numberText(withCells { cells in
                // Trim blanks on the bytes: Foundation's trimmingCharacters is slow per cell.
                var text = cells.cell(row: row, column: column)[...]
                while let first = text.first, first == 0x20 || first == 0x09 { text = text.dropFirst() }
                while let last = text.last, last == 0x20 || last == 0x09 { text = text.dropLast() }
                return String(decoding: text, as: UTF8.self)
            })
        }
        let text = string(row: row, column: column)
        return text.isEmpty ? .missing : .text(text)
    }
}
