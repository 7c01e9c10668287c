/// Resolves column names given as parameters and finds the id column.
public enum ColumnSelection {
    /// The index of the column called `name`: an exact match first, then a
    /// unique case-insensitive one.
    /// - Parameter parameter: the parameter that names the column, such as
    ///   `features` (named in the error).
    /// - Throws: `ParameterError` naming the closest columns when there is no
    ///   such column or the name is ambiguous.
    public static func resolve(_ name: String, in columnNames: [String], parameter: String) throws -> Int {
        if let exact = columnNames.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        let matches = columnNames.indices.filter { columnNames[$0].lowercased() == lowered }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let names = matches.map { "'\(columnNames[$0])'" }.joined(separator: ", ")
            throw ParameterError(parameter, "\(parameter: parameter): '\(name)' matches several columns when case is ignored (\(names)); write the name exactly")
        }
        let nearest = NameMatching.nearest(to: name, among: columnNames)
        var message: ParameterText = "\(parameter: parameter): no column named '\(name)'"
        if !nearest.isEmpty {
            message += ParameterText("; did you mean " + nearest.map { "'\($0)'" }.joined(separator: " or ") + "?")
        }
        message += ParameterText(" (columns: " + columnNames.joined(separator: ", ") + ")")
        throw ParameterError(parameter, message)
    }

    /// Resolves a list of names, rejecting repeats.
    public static func resolve(_ names: [String], in columnNames: [String], parameter: String) throws -> [Int] {
        var result: [Int] = []
        for name in names {
            let index = try resolve(name, in: columnNames, parameter: parameter)
            if result.contains(index) {
                throw ParameterError(parameter, "\(parameter: parameter): column '\(columnNames[index])' is named twice")
            }
            result.append(index)
        }
        return result
    }

    /// Whether `name`'s last word is `id`: `id`, `customer_id`, `Customer ID`,
    /// `CustomerID`, `customerId` — but not `acid` or `paid`.
    public static func hasIdAsLastWord(_ name: String) -> Bool {
        guard let last = words(of: name).last else { return false }
        return last.lowercased() == "id"
    }

    /// Splits a column name into words at non-alphanumeric characters and at
    /// lower-to-upper case changes (`customerId` → `customer`, `Id`;
    /// `CustomerID` → `Customer`, `ID`).
    public static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current); current = "" }
                previousWasLower = false
                continue
            }
            if character.isUppercase && previousWasLower && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The id column: `explicit` when given, else the first column whose
    /// name ends in the word `id` and whose values are all present and unique.
    public static func idColumn(in table: Table, explicit: String?) throws -> Int? {
        if let explicit { return try resolve(explicit, in: table.columnNames, parameter: "id") }
        return firstIdColumn(names: table.columnNames) { isUniqueAndComplete(column: $0, in: table) }
    }

    /// The first column whose name ends in the word `id` and for which
    /// `isUniqueAndComplete` holds.
    static func firstIdColumn(names: [String], isUniqueAndComplete: (Int) -> Bool) -> Int? {
        names.indices.first { hasIdAsLastWord(names[$0]) && isUniqueAndComplete($0) }
    }

    /// The default features: every numeric column except the id column.
    /// Columns that are mostly numbers with some text are included too, so
    /// that fitting reports the bad cell instead of silently skipping them.
    public static func defaultFeatures(in table: Table, idColumn: Int?) -> [Int] {
        table.columns.indices.filter {
            $0 != idColumn && isDefaultFeature(type: table.columns[$0].type, looksNumericWithErrors: table.columns[$0].looksNumericWithErrors)
        }
    }

    /// Whether a column other than the id column is a default feature.
    static func isDefaultFeature(type: ColumnType, looksNumericWithErrors: Bool) -> Bool {
        type.isNumeric || looksNumericWithErrors
    }

    /// Whether every cell of `column` is present and no two are equal.
    static func isUniqueAndComplete(column: Int, in table: Table) -> Bool {
        let info = table.columns[column]
        guard info.missingCount == 0 else { return false }
        if let distinct = info.distinctCount { return distinct == table.rowCount }
        guard let values = info.values else { return false }
        return values.withUnsafeBufferPointer { values in
            // Ids in file order (1, 2, 3, …) are unique without hashing them.
            isStrictlyIncreasing(values) || DistinctCounter.countDistinct(values) == values.count
        }
    }

    /// Whether every value is greater than the one before it (false with
    /// a NaN).
    static func isStrictlyIncreasing(_ values: UnsafeBufferPointer<Double>) -> Bool {
        for index in values.indices.dropFirst() where !(values[index - 1] < values[index]) { return false }
        return true
    }
}
