import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("Personas and actions")
struct PersonaTests {
    @Test("column names choose the words", arguments: [
        ("Age", "older", "young"),
        ("Annual Income (k$)", "high income", "low income"),
        ("Spending Score (1-100)", "high spending", "low spending"),
        ("score", "high spending", "low spending"),
        ("recency_days", "lapsed", "recent"),
        ("frequency", "frequent", "infrequent"),
        ("monetary", "high spending", "low spending"),
        ("page_views", "high page views", "low page views"),
        ("credit_score", "high credit score", "low credit score"),
        ("Score (1-100)", "high spending", "low spending"),
        ("Tenure (months)", "high tenure", "low tenure"),
    ])
    func vocabulary(name: String, high: String, low: String) {
        let words = PersonaVocabulary(columnName: name)
        #expect(words.high == high)
        #expect(words.low == low)
    }

    @Test("strongest differences beyond 0.5 sd, at most two, in column order")
    func strongest() {
        let names = ["Age", "Income", "Spending", "Visits"]
        let personas = Persona.describe(differences: [
            [-1.2, 0.1, 1.5, 0.9],
            [0.2, 0.6, -0.3, 0.1],
            [0.1, -0.2, 0.3, 0.0],
        ], featureNames: names)
        #expect(personas == ["young · high spending", "high income", "average income · average spending"])
    }

    @Test("equal personas are extended by the next-ranked feature until distinct")
    func distinct() {
        let names = ["Income", "Spending", "Age"]
        let personas = Persona.describe(differences: [
            [1.0, -1.0, 0.4],
            [1.1, -0.9, -0.1],
            [1.2, -0.8, 0.3],
        ], featureNames: names)
        // All three are "high income · low spending"; the third feature (age) tells them
        // apart at half the threshold (0.25): older, average age, older — then numbering.
        #expect(personas == ["high income · low spending · older",
                             "high income · low spending · average age",
                             "high income · low spending · older (2)"])
        #expect(Set(personas).count == 3)
    }

    @Test("actions follow the documented rules", arguments: [
        ([1.0, -1.0], 1, "premium upsell and feedback survey"),
        ([-1.0, 1.0], 2, "instalment offers and loyalty rewards"),
        ([1.0, 1.0], 3, "new arrivals and exclusive deals"),
        ([-1.0, -1.0], 4, "value bundles and discount promotions"),
        ([0.0, 1.0], 7, "loyalty rewards and cross-selling"),
        ([0.0, -0.7], 8, "re-engagement offers and personalised recommendations"),
        ([0.9, 0.2], 9, "premium range and upsell"),
        ([-0.9, 0.2], 10, "value range and budget offers"),
        ([0.2, 0.2], 13, "regular newsletter and broad promotions"),
    ])
    func actions(z: [Double], rule: Int, text: String) {
        let action = SuggestedAction(differences: z, featureNames: ["Annual Income (k$)", "Spending Score (1-100)"])
        #expect(action.rule == rule)
        #expect(action.text == text)
    }

    @Test("RFM and age rules")
    func otherRoles() {
        let rfm = ["recency_days", "frequency", "monetary"]
        #expect(SuggestedAction(differences: [1.2, -0.3, -0.2], featureNames: rfm).rule == 5)
        #expect(SuggestedAction(differences: [-1.0, 1.0, 1.0], featureNames: rfm).rule == 6)
        #expect(SuggestedAction(differences: [-0.8], featureNames: ["Age"]).rule == 11)
        #expect(SuggestedAction(differences: [0.8], featureNames: ["Age"]).rule == 12)
        #expect(SuggestedAction(differences: [3], featureNames: ["colour"]).rule == 13)
    }
}
