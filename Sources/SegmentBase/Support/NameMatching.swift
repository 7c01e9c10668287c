/// Finds the names closest to a misspelt one, for "did you mean" messages.
public enum NameMatching {
    /// The candidates closest to `word`, best first: case-insensitive exact
    /// matches, then names containing `word` (or contained in it), then names
    /// within an edit distance of `max(2, word.count / 3)`.
    public static func nearest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        var scored: [(score: Int, index: Int)] = []
        for (index, candidate) in candidates.enumerated() {
            let other = candidate.lowercased()
            if other == lowered {
                scored.append((0, index))
            } else if !lowered.isEmpty && (other.contains(lowered) || lowered.contains(other)) {
                scored.append((1, index))
            } else {
                let distance = editDistance(lowered, other)
                if distance <= max(2, lowered.count / 3) { scored.append((2 + distance, index)) }
            }
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.index < $1.index }
        return scored.prefix(limit).map { candidates[$0.index] }
    }

    /// The optimal-string-alignment (restricted Damerau–Levenshtein) distance:
    /// insertions, deletions, substitutions and adjacent transpositions.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previousPrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
