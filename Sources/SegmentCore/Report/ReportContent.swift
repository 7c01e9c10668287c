import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Everything a report can show. Every section is optional: the HTML holds
/// only the sections that are filled in, in a fixed order.
public struct ReportContent: Sendable {
    /// The `<h1>` and `<title>`.
    public var title: String
    /// A line under the title (e.g. the input file and the algorithm).
    public var subtitle: String
    /// Data summary as label/value rows (rows, columns, features, …).
    public var dataSummary: [(label: String, value: String)] = []
    /// The k-selection curves and why k was chosen.
    public var kSelection: KSelectionSection?
    /// Per-sample silhouette values and how they were computed.
    public var silhouette: SilhouetteSection?
    /// Each segment's bootstrap stability, when scored (`--stability`).
    public var stability: StabilityBars?
    /// The segments as rules over the original values (`segment explain`'s tree).
    public var rules: RulesSection?
    /// The 2-D scatter and a note on how it was projected.
    public var scatter: ScatterSection?
    /// The merge tree of an agglomerative run.
    public var dendrogram: Dendrogram?
    /// Segment profiles (sizes, personas, actions, statistics).
    public var profiles: SegmentProfiles?
    /// Recommendation quality and each segment's top items.
    public var recommendations: RecommendationSection?
    /// The program that wrote the report (no date, so reports are reproducible).
    public var generator: String

    /// Creates a report with only a title; fill in the sections.
    public init(title: String, subtitle: String, generator: String) {
        self.title = title
        self.subtitle = subtitle
        self.generator = generator
    }
}

/// The k-selection chart plus a plain-language reason for the choice.
public struct KSelectionSection: Sendable {
    /// The curves.
    public var chart: KSelectionChart
    /// Why k was chosen (e.g. "k = 5 has the highest mean silhouette, 0.554").
    public var explanation: String

    /// Creates the section.
    public init(chart: KSelectionChart, explanation: String) {
        self.chart = chart
        self.explanation = explanation
    }

    /// A default explanation from the chart data: the chosen k, the knee, and
    /// the k with the highest mean silhouette.
    public static func explanation(for chart: KSelectionChart, criterion: String) -> String {
        var sentences: [String] = []
        if let chosen = chart.chosen { sentences.append("k = \(chosen) was chosen by \(criterion).") }
        if let knee = chart.knee { sentences.append("The inertia curve bends most (its knee) at k = \(knee).") }
        let scored = zip(chart.ks, chart.silhouette).compactMap { k, value in value.map { (k, $0) } }
        if let best = scored.max(by: { $0.1 < $1.1 }) {
            sentences.append("The mean silhouette is highest at k = \(best.0) (\(DecimalText.format(best.1, decimals: 3))).")
        }
        return sentences.joined(separator: " ")
    }
}

/// The segments as plain rules, with how faithful they are.
public struct RulesSection: Sendable {
    /// One row per segment: label, rule, support, precision, recall (formatted).
    public var rows: [[String]]
    /// The share of rows whose rule gives their segment.
    public var agreement: Double

    /// The rules of `fitted`.
    public init(_ fitted: RuleTree.Fitted) {
        let tree = fitted.tree
        rows = tree.segmentRules.map { rule in
            [fitted.keys[rule.segment], RuleText.plain(rule, features: tree.features),
             DecimalText.format(rule.support, decimals: 3), DecimalText.format(rule.precision, decimals: 3),
             DecimalText.format(rule.recall, decimals: 3)]
        }
        agreement = tree.agreement
    }
}

/// The scatter chart plus a note on its axes.
public struct ScatterSection: Sendable {
    /// The chart.
    public var chart: SegmentScatter
    /// How the points were placed (e.g. "first two principal components, 71 % of the variance").
    public var note: String

    /// Creates the section.
    public init(chart: SegmentScatter, note: String) {
        self.chart = chart
        self.note = note
    }
}

/// The silhouette plot plus a note on the rows it shows.
public struct SilhouetteSection: Sendable {
    /// The chart.
    public var plot: SilhouettePlot
    /// How the rows were chosen (e.g. "a random sample of 10000 of 50000 rows"); empty when every row is shown.
    public var note: String

    /// Creates the section.
    public init(plot: SilhouettePlot, note: String = "") {
        self.plot = plot
        self.note = note
    }
}

/// Recommendation quality and per-segment top items.
public struct RecommendationSection: Sendable {
    /// Header of the evaluation table (e.g. `method, precision@10, …`).
    public var evaluationHeader: [String]
    /// Evaluation rows, already formatted.
    public var evaluationRows: [[String]]
    /// Each segment's most characteristic items, in segment order.
    public var topItems: [(segment: String, items: [String])]
    /// The sentence above the evaluation table: how purchases were held out.
    public var evaluationNote = "Held-out evaluation: each customer's last purchases are hidden and every method tries to recommend them."

    /// Creates the section.
    public init(evaluationHeader: [String], evaluationRows: [[String]], topItems: [(segment: String, items: [String])]) {
        self.evaluationHeader = evaluationHeader
        self.evaluationRows = evaluationRows
        self.topItems = topItems
    }
}
