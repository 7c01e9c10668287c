import SegmentBase

/// The words a persona uses for a column, chosen from its name.
///
/// The column name is split into words (`ColumnSelection.words`, so
/// `Annual Income (k$)` → `annual`, `income`, `k`) and the first rule whose
/// word occurs decides (whole words only, so `page_views` is not an age):
///
/// | words | role | above average | below average | noun |
/// | --- | --- | --- | --- | --- |
/// | `age` | age | older | young | age |
/// | `income`, `salary`, `earnings`, `wage` | income | high income | low income | income |
/// | `spending`, `spend`, `monetary`, `amount`, or `score` as the only word | spending | high spending | low spending | spending |
/// | `recency` | recency | lapsed | recent | recency |
/// | `frequency`, `orders`, `visits` | frequency | frequent | infrequent | frequency |
/// | anything else | other | high *name* | low *name* | *name* |
///
/// *name* is the column name in lower case with any parenthesised unit
/// removed (`Tenure (months)` → `tenure`).
public struct PersonaVocabulary: Sendable, Equatable {
    /// What a column measures, as far as personas and actions are concerned.
    public enum Role: String, Sendable {
        /// Customer age.
        case age
        /// Income or salary.
        case income
        /// Spending, spending score or monetary value.
        case spending
        /// Days since the last purchase.
        case recency
        /// Number of purchases or visits.
        case frequency
        /// Any other column.
        case other
    }

    /// The role of the column.
    public var role: Role
    /// Phrase for a segment above the overall mean.
    public var high: String
    /// Phrase for a segment below the overall mean.
    public var low: String
    /// Noun for "average …".
    public var noun: String

    static let rules: [(words: Set<String>, role: Role, high: String, low: String, noun: String)] = [
        (["age"], .age, "older", "young", "age"),
        (["income", "salary", "earnings", "wage"], .income, "high income", "low income", "income"),
        (["spending", "spend", "monetary", "amount"], .spending, "high spending", "low spending", "spending"),
        (["recency"], .recency, "lapsed", "recent", "recency"),
        (["frequency", "orders", "visits"], .frequency, "frequent", "infrequent", "frequency"),
    ]

    /// The vocabulary for a column called `columnName`.
    public init(columnName: String) {
        var words = Set(ColumnSelection.words(of: columnName).map { $0.lowercased() }.filter { !$0.allSatisfy(\.isNumber) })
        // A bare "score" (`Score`, `score (1-100)`) is the mall data's spending
        // score; `credit_score` is not.
        if words == ["score"] { words = ["spending"] }
        if let rule = Self.rules.first(where: { !$0.words.isDisjoint(with: words) }) {
            self.init(role: rule.role, high: rule.high, low: rule.low, noun: rule.noun)
            return
        }
        let name = Self.plainName(columnName)
        self.init(role: .other, high: "high " + name, low: "low " + name, noun: name)
    }

    init(role: Role, high: String, low: String, noun: String) {
        self.role = role
        self.high = high
        self.low = low
        self.noun = noun
    }

    /// `name` in lower case without parenthesised parts, `_` read as a space.
    static func plainName(_ name: String) -> String {
        var result = ""
        var depth = 0
        for character in name {
            if character == "(" || character == "[" { depth += 1; continue }
            if character == ")" || character == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character == "_" ? " " : character) }
        }
        let words = result.lowercased().split(whereSeparator: \.isWhitespace)
        return words.isEmpty ? name.lowercased() : words.joined(separator: " ")
    }

    /// The people a category value names, for `mostly …`: `women` for
    /// female, `men` for male, otherwise the value itself.
    public static func group(_ value: String) -> String {
        switch value.lowercased() {
        case "female", "f", "woman", "women": return "women"
        case "male", "m", "man", "men": return "men"
        default: return value
        }
    }
}
