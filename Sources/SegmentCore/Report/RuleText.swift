import Foundation
import SegmentBase
import SegmentAlgorithms

/// A `RuleTree`'s segment rules in plain words and as SQL.
public enum RuleText {
    /// One condition in plain words: `Annual Income (k$) >= 69.5`, `Gender = Female`.
    public static func plain(_ condition: RuleTree.Condition, features: [RuleTree.Feature]) -> String {
        switch condition {
        case .below(let feature, let threshold): return "\(features[feature].name) < \(formatNumber(threshold))"
        case .atLeast(let feature, let threshold): return "\(features[feature].name) >= \(formatNumber(threshold))"
        case .equals(let feature, let category): return "\(features[feature].name) = \(categoryName(category, of: features[feature]))"
        case .differs(let feature, let category): return "\(features[feature].name) != \(categoryName(category, of: features[feature]))"
        }
    }

    /// A segment's rule in plain words: its alternatives joined by `or`,
    /// each a conjunction joined by `and`.
    public static func plain(_ rule: RuleTree.SegmentRule, features: [RuleTree.Feature]) -> String {
        let alternatives = rule.alternatives.map { conditions in
            conditions.isEmpty ? "every row" : conditions.map { plain($0, features: features) }.joined(separator: " and ")
        }
        switch alternatives.count {
        case 0: return "no rule (the tree gives this segment no leaf)"
        case 1: return alternatives[0]
        default: return alternatives.map { "(\($0))" }.joined(separator: " or ")
        }
    }

    /// The features a segment's rule rests on, most important first, with
    /// their shares of its impurity decrease: `Annual Income (k$) 0.71; Spending Score (1-100) 0.29`.
    public static func importance(_ rule: RuleTree.SegmentRule, features: [RuleTree.Feature]) -> String {
        rule.importance.indices.filter { rule.importance[$0] > 0 }
            .sorted { rule.importance[$0] > rule.importance[$1] || (rule.importance[$0] == rule.importance[$1] && $0 < $1) }
            .map { "\(features[$0].name) \(formatNumber(rule.importance[$0], decimals: 2))" }
            .joined(separator: "; ")
    }

    /// A SQL `CASE` expression giving each row its segment label (`keys`),
    /// one `WHEN` per leaf; rows with a `NULL` feature get `NULL`.
    public static func sql(_ tree: RuleTree, keys: [String]) -> String {
        var lines = ["CASE"]
        for leaf in tree.leaves {
            let conditions = RuleTree.simplified(leaf.conditions).map { sql($0, features: tree.features) }
            lines.append("  WHEN \(conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")) THEN \(sqlLiteral(keys[leaf.segment]))")
        }
        lines.append("  ELSE NULL")
        lines.append("END")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One condition in SQL, the column as a quoted identifier.
    static func sql(_ condition: RuleTree.Condition, features: [RuleTree.Feature]) -> String {
        func column(_ feature: Int) -> String { "\"" + features[feature].name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        func text(_ value: String) -> String { "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }
        switch condition {
        case .below(let feature, let threshold): return "\(column(feature)) < \(formatNumber(threshold))"
        case .atLeast(let feature, let threshold): return "\(column(feature)) >= \(formatNumber(threshold))"
        case .equals(let feature, let category): return "\(column(feature)) = \(text(categoryName(category, of: features[feature])))"
        case .differs(let feature, let category): return "\(column(feature)) <> \(text(categoryName(category, of: features[feature])))"
        }
    }

    /// A label as a SQL literal: a whole number as it is, anything else quoted.
    static func sqlLiteral(_ label: String) -> String {
        Int(label) != nil ? label : "'" + label.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func categoryName(_ category: Int, of feature: RuleTree.Feature) -> String {
        guard case .categorical(_, _, let categories) = feature else { return String(category) }
        return categories[category]
    }
}
