import SegmentCore

/// The candidate closest to `word`, for "did you mean …?" hints.
///
/// Distances are Damerau–Levenshtein (optimal string alignment: insertions,
/// deletions, substitutions and transpositions of adjacent characters each cost
/// one), compared case-insensitively. A candidate is close enough when its
/// distance is at most `max(2, word.count / 3)`; ties go to the earlier candidate.
///
/// - Parameters:
///   - word: What the user typed, e.g. `"featurs"`.
///   - candidates: The valid names, e.g. the long option names or column headers.
/// - Returns: The nearest candidate as spelled in `candidates`, or `nil` when none is close enough.
/// - Complexity: O(*n* · *m*) per candidate for lengths *n* and *m*.
func suggestion(for word: String, among candidates: [String]) -> String? {
    let typed = word.lowercased()
    if typed.isEmpty { return nil }
    let limit = max(2, typed.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = NameMatching.editDistance(typed, candidate.lowercased())
        if distance <= limit, distance < best?.distance ?? .max {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}
