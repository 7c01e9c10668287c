import Testing
@testable import segment_cli
import SegmentCore

/// `suggestion(for:among:)` and the edit distance behind it.
@Suite struct NearestNameTests {
    static let options = ["features", "format", "k", "k-range", "seed", "scale", "missing", "algorithm"]

    @Test(arguments: [
        ("featurs", "features"),       // deletion
        ("featuress", "features"),     // insertion
        ("feauters", "features"),      // transposition counts once
        ("FEATURES", "features"),      // case-insensitive
        ("formt", "format"),
        ("sede", "seed"),
        ("algoritm", "algorithm"),
        ("krange", "k-range"),
        ("misisng", "missing"),
    ])
    func findsTheNearestName(word: String, expected: String) {
        #expect(suggestion(for: word, among: Self.options) == expected)
    }

    @Test(arguments: ["bogus", "threads", "", "xyzzy-long-option"])
    func staysQuietWhenNothingIsClose(word: String) {
        #expect(suggestion(for: word, among: Self.options) == nil)
    }

    @Test func thresholdIsMaxOfTwoAndAThirdOfTheWord() {
        // "abcdefghijkl" has 12 characters, so distance 4 is allowed and 5 is not.
        #expect(suggestion(for: "abcdefghijkl", among: ["abcdefghWXYZ"]) == "abcdefghWXYZ")
        #expect(suggestion(for: "abcdefghijkl", among: ["abcdefgVWXYZ"]) == nil)
        #expect(suggestion(for: "ab", among: ["xy"]) == "xy")
        #expect(suggestion(for: "ab", among: ["xyz"]) == nil)
    }

    @Test func returnsTheCandidateAsSpelledAndPrefersTheFirstOnTies() {
        #expect(suggestion(for: "customer id", among: ["Customer ID", "customer_id"]) == "Customer ID")
        #expect(suggestion(for: "cat", among: ["bat", "cut", "cat"]) == "cat")
        #expect(suggestion(for: "cax", among: ["bat", "cut"]) == "bat")
    }

    @Test(arguments: [("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("ca", "ac", 1), ("abcd", "acbd", 1),
                      ("ca", "abc", 3)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(NameMatching.editDistance(a, b) == distance)
    }
}
