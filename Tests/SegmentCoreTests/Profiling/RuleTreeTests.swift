import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore

/// The threshold tree behind `segment explain`.
@Suite struct RuleTreeTests {
    /// Three segments told apart by one number (x < 5, 5 ≤ x < 10, x ≥ 10)
    /// and a category that matches segment 2: the best-first tree takes the
    /// Gini-best split first, each segment gets one leaf, and every row its segment.
    @Test func splitsAtTheMidpointsAndExplainsEverySegment() {
        let x: [Double] = [1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14]
        let labels = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]
        let tree = RuleTree(features: [.numeric(name: "x", values: x)], labels: labels, segmentCount: 3, maximumLeaves: 3, maximumDepth: 3)
        #expect(tree.leaves.count == 3)
        #expect(tree.agreement == 1)
        let rules = tree.segmentRules
        #expect(rules.map { RuleText.plain($0, features: tree.features) } == ["x < 5", "x >= 5 and x < 10", "x >= 10"])
        #expect(rules.allSatisfy { rule in rule.precision == 1 && rule.recall == 1 })
        let third: Double = 4.0 / 12
        #expect(rules.map(\.support) == [third, third, third])
        // One feature carries every split: all of each segment's importance.
        #expect(rules.map(\.importance) == [[1], [1], [1]])
        #expect(RuleText.importance(rules[1], features: tree.features) == "x 1")
    }

    @Test func categoriesSplitOneAgainstTheRest() {
        let codes = [0, 0, 1, 1, 2, 2, 2, 2]
        let labels = [0, 0, 0, 0, 1, 1, 1, 1]
        let tree = RuleTree(features: [.categorical(name: "Region", codes: codes, categories: ["North", "South", "West"])],
                            labels: labels, segmentCount: 2, maximumLeaves: 2, maximumDepth: 3)
        #expect(tree.segmentRules.map { RuleText.plain($0, features: tree.features) } == ["Region != West", "Region = West"])
        #expect(RuleText.sql(tree, keys: ["0", "1"]) == "CASE\n  WHEN \"Region\" = 'West' THEN 1\n  WHEN \"Region\" <> 'West' THEN 0\n  ELSE NULL\nEND\n")
    }

    /// The depth limit holds even when more leaves are allowed, and a
    /// segment the tree cannot reach says so.
    @Test func theDepthLimitHolds() {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let labels = [0, 1, 2, 3, 0, 1, 2, 3]
        let tree = RuleTree(features: [.numeric(name: "x", values: x)], labels: labels, segmentCount: 4, maximumLeaves: 8, maximumDepth: 1)
        #expect(tree.leaves.count == 2)
        #expect(tree.leaves.allSatisfy { $0.conditions.count == 1 })
        let unreached = tree.segmentRules.filter { rule in rule.alternatives.isEmpty }
        #expect(!unreached.isEmpty && unreached.allSatisfy { rule in rule.support == 0 })
    }
}
