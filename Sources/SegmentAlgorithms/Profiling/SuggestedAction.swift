import SegmentBase

/// A marketing action suggested for a segment by documented rules.
///
/// Each role (`PersonaVocabulary.Role`) gets a level from the strongest
/// column of that role: high or low when its difference from the overall
/// mean is at least `Persona.threshold` standard deviations, else average;
/// roles without a column have no level. The first matching rule wins:
///
/// | # | when | action |
/// | --- | --- | --- |
/// | 1 | high income, low spending | premium upsell and feedback survey |
/// | 2 | low income, high spending | instalment offers and loyalty rewards |
/// | 3 | high income, high spending | new arrivals and exclusive deals |
/// | 4 | low income, low spending | value bundles and discount promotions |
/// | 5 | high recency (lapsed) | win-back campaign with a time-limited offer |
/// | 6 | high frequency, high spending | loyalty programme and referral rewards |
/// | 7 | high spending | loyalty rewards and cross-selling |
/// | 8 | low spending | re-engagement offers and personalised recommendations |
/// | 9 | high income | premium range and upsell |
/// | 10 | low income | value range and budget offers |
/// | 11 | young | social and mobile campaigns with trending items |
/// | 12 | older | service-led offers: quality and convenience |
/// | 13 | otherwise | regular newsletter and broad promotions |
public struct SuggestedAction: Sendable, Equatable {
    /// The rule number in the table above.
    public var rule: Int
    /// The action, in a few words.
    public var text: String

    typealias Levels = [PersonaVocabulary.Role: Persona.Level]

    static let rules: [(condition: @Sendable (Levels) -> Bool, text: String)] = [
        ({ $0[.income] == .high && $0[.spending] == .low }, "premium upsell and feedback survey"),
        ({ $0[.income] == .low && $0[.spending] == .high }, "instalment offers and loyalty rewards"),
        ({ $0[.income] == .high && $0[.spending] == .high }, "new arrivals and exclusive deals"),
        ({ $0[.income] == .low && $0[.spending] == .low }, "value bundles and discount promotions"),
        ({ $0[.recency] == .high }, "win-back campaign with a time-limited offer"),
        ({ $0[.frequency] == .high && $0[.spending] == .high }, "loyalty programme and referral rewards"),
        ({ $0[.spending] == .high }, "loyalty rewards and cross-selling"),
        ({ $0[.spending] == .low }, "re-engagement offers and personalised recommendations"),
        ({ $0[.income] == .high }, "premium range and upsell"),
        ({ $0[.income] == .low }, "value range and budget offers"),
        ({ $0[.age] == .low }, "social and mobile campaigns with trending items"),
        ({ $0[.age] == .high }, "service-led offers: quality and convenience"),
        ({ _ in true }, "regular newsletter and broad promotions"),
    ]

    /// The action for a segment with differences `z` (one per feature, in
    /// `featureNames` order).
    public init(differences z: [Double], featureNames: [String]) {
        var strongest: [PersonaVocabulary.Role: Double] = [:]
        for (name, value) in zip(featureNames, z) {
            let role = PersonaVocabulary(columnName: name).role
            if role == .other { continue }
            if let current = strongest[role], abs(current) >= abs(value) { continue }
            strongest[role] = value
        }
        let levels = strongest.mapValues { Persona.Level(difference: $0) }
        let index = Self.rules.firstIndex { $0.condition(levels) }!
        rule = index + 1
        text = Self.rules[index].text
    }
}
