import SegmentBase

/// Plain-language personas such as `high income · low spending`, built from
/// each segment's strongest differences from the overall mean.
///
/// Rules, per segment, with `z` the difference from the overall mean in
/// overall standard deviations (`FeatureProfile.difference`):
/// 1. Features are ranked by |z|, strongest first (ties: column order).
/// 2. The persona takes the top `maximumTerms` (2) features with
///    |z| ≥ `threshold` (0.5), each as its "above" or "below" phrase from
///    `PersonaVocabulary` (`high income`, `young`, `frequent`, …).
/// 3. When no feature reaches the threshold, the persona is "average …" for
///    the two top-ranked features (`average income · average spending`).
/// 4. Phrases are written in column order, joined by ` · `.
/// 5. Personas must be distinct: while two segments share one, each of them
///    adds its next-ranked feature (above/below when |z| ≥ threshold / 2,
///    else "average …"); if all features are used and a tie remains, the
///    later segments get ` (2)`, ` (3)`, … appended.
/// 6. With categorical columns, `ProfileBuilder` puts `categoryTerm`
///    (`mostly women`) in front when one category dominates a segment.
public enum Persona {
    /// |z| needed for a feature to count as above or below average.
    public static let threshold = 0.5
    /// Phrases in a persona before any needed to make it distinct.
    public static let maximumTerms = 2

    /// How a segment compares with everyone on one feature.
    public enum Level: Sendable, Equatable {
        /// At least `threshold` standard deviations above the mean.
        case high
        /// At least `threshold` standard deviations below the mean.
        case low
        /// Within `threshold` of the mean.
        case average

        /// The level of a difference `z` given a cut-off.
        public init(difference z: Double, cutoff: Double = Persona.threshold) {
            self = z >= cutoff ? .high : z <= -cutoff ? .low : .average
        }
    }

    /// One persona per row of `differences` (segments × features, in
    /// `featureNames` order), distinct from each other.
    public static func describe(differences: [[Double]], featureNames: [String]) -> [String] {
        let vocabulary = featureNames.map(PersonaVocabulary.init(columnName:))
        guard !featureNames.isEmpty else {
            return disambiguate(differences.map { _ in "everyone" })
        }
        let rankings = differences.map { z in
            z.indices.sorted { abs(z[$0]) != abs(z[$1]) ? abs(z[$0]) > abs(z[$1]) : $0 < $1 }
        }
        var terms: [[(feature: Int, level: Level)]] = zip(differences, rankings).map { z, ranking in
            let strong = ranking.prefix { abs(z[$0]) >= threshold }.prefix(maximumTerms)
            if strong.isEmpty { return ranking.prefix(maximumTerms).map { ($0, .average) } }
            return strong.map { ($0, Level(difference: z[$0])) }
        }
        func text(_ segment: Int) -> String {
            terms[segment].sorted { $0.feature < $1.feature }.map { term in
                switch term.level {
                case .high: return vocabulary[term.feature].high
                case .low: return vocabulary[term.feature].low
                case .average: return "average " + vocabulary[term.feature].noun
                }
            }.joined(separator: " · ")
        }
        var personas = differences.indices.map(text)
        while true {
            let duplicated = duplicates(personas)
            var extended = false
            for segment in duplicated where terms[segment].count < featureNames.count {
                let used = Set(terms[segment].map(\.feature))
                guard let next = rankings[segment].first(where: { !used.contains($0) }) else { continue }
                terms[segment].append((next, Level(difference: differences[segment][next], cutoff: threshold / 2)))
                personas[segment] = text(segment)
                extended = true
            }
            if !extended { break }
        }
        return disambiguate(personas)
    }

    /// Share of a segment a category must reach to lead its persona.
    public static let categoryShare = 2.0 / 3
    /// How far above its overall share that category must be.
    public static let categoryLift = 0.15

    /// `mostly women`, `mostly Biology`: the segment's category whose share
    /// is at least `categoryShare` and at least `categoryLift` above its
    /// share of everyone, the largest such lift (first column on a tie);
    /// `nil` when none is.
    public static func categoryTerm(_ categories: [CategoryProfile], overall: [CategoryProfile]) -> String? {
        var best: (lift: Double, value: String)?
        for (segment, everyone) in zip(categories, overall) {
            guard let mode = segment.mode, mode.share >= categoryShare,
                  let base = everyone.shares.first(where: { $0.value == mode.value })?.share else { continue }
            let lift = mode.share - base
            if lift >= categoryLift && (best == nil || lift > best!.lift) { best = (lift, mode.value) }
        }
        return best.map { "mostly " + PersonaVocabulary.group($0.value) }
    }

    /// Indices of personas that occur more than once.
    static func duplicates(_ personas: [String]) -> [Int] {
        var counts: [String: Int] = [:]
        for persona in personas { counts[persona, default: 0] += 1 }
        return personas.indices.filter { counts[personas[$0]]! > 1 }
    }

    /// Appends ` (2)`, ` (3)`, … to repeated personas after the first.
    static func disambiguate(_ personas: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return personas.map { persona in
            seen[persona, default: 0] += 1
            let count = seen[persona]!
            return count == 1 ? persona : persona + " (\(count))"
        }
    }
}
