import SegmentBase

/// The best `capacity` (item, score) pairs offered so far, kept sorted: a
/// higher score first, equal scores by lower item index (ids are indexed in
/// `IdentifierOrder`, so ties are broken by id order, deterministically).
///
/// - Complexity: `offer` is O(1) for a candidate that does not make the list
///   and O(capacity) otherwise; lists are short (top N, K neighbours).
struct TopList {
    /// Maximum number of entries.
    let capacity: Int
    /// Items, best first.
    private(set) var items: [Int32] = []
    /// Scores, aligned with `items`.
    private(set) var scores: [Double] = []

    /// Creates an empty list holding at most `capacity` entries.
    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity)
        scores.reserveCapacity(capacity)
    }

    /// Number of entries.
    var count: Int { items.count }
    /// Whether the list holds `capacity` entries.
    var isFull: Bool { items.count >= capacity }

    /// Empties the list, keeping its storage.
    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
    }

    /// Whether `item` is in the list (linear scan).
    func contains(_ item: Int32) -> Bool { items.contains(item) }

    /// Inserts the candidate if it ranks among the best `capacity`.
    @inline(__always)
    mutating func offer(_ item: Int32, _ score: Double) {
        let count = items.count
        if count == capacity {
            guard capacity > 0 else { return }
            let worst = scores[count - 1]
            if score < worst || (score == worst && item > items[count - 1]) { return }
            items.removeLast()
            scores.removeLast()
        }
        var position = items.count
        while position > 0 {
            let other = scores[position - 1]
            if other > score || (other == score && items[position - 1] < item) { break }
            position -= 1
        }
        items.insert(item, at: position)
        scores.insert(score, at: position)
    }

    /// Appends an entry known to rank below every entry present (used when
    /// walking an already sorted ranking).
    mutating func append(_ item: Int32, _ score: Double) {
        items.append(item)
        scores.append(score)
    }
}
