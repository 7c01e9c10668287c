import Foundation

extension Table {
    /// The cell at `row`, `column` as a typed output value: numbers for
    /// numeric columns (so JSON keeps them numeric), text otherwise, and
    /// `missing` for missing cells.
    public func outputValue(row: Int, column: Int) -> OutputValue {
        let info = columns[column]
        if info.type.isNumeric, let values = info.values {
            if values[row].isNaN { return .missing }
            return .numberText(string(row: row, column: column).trimmingCharacters(in: .whitespaces))
        }
        let text = string(row: row, column: column)
        return text.isEmpty ? .missing : .text(text)
    }
}
