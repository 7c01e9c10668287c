import SegmentBase

/// The order in which customer and item ids are listed: ids made only of
/// digits compare as numbers (`7 < 10`, and `007` after `7` when equal in
/// value), other ids compare by their UTF-8 bytes, and numeric ids come first.
///
/// Ids stay strings end to end; this order only decides listing order and
/// breaks ties between equal scores.
public enum IdentifierOrder {
    /// Whether `a` is listed before `b`.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let aDigits = isAllDigits(a), bDigits = isAllDigits(b)
        if aDigits != bDigits { return aDigits }
        if aDigits {
            let aValue = a.drop { $0 == "0" }, bValue = b.drop { $0 == "0" }
            if aValue.utf8.count != bValue.utf8.count { return aValue.utf8.count < bValue.utf8.count }
            if aValue != bValue { return aValue.utf8.lexicographicallyPrecedes(bValue.utf8) }
            if a.utf8.count != b.utf8.count { return a.utf8.count < b.utf8.count }
        }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `ids` sorted in this order.
    public static func sorted(_ ids: some Sequence<String>) -> [String] {
        ids.sorted(by: areInIncreasingOrder)
    }

    static func isAllDigits(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
