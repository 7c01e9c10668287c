import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// The report sections that need the clustering run itself rather than the
/// labelled table: the k-selection curves and the silhouette plot. (The
/// dendrogram is drawn straight from the run's `LinkageMatrix`.)
public enum ClusteringReport {
    /// How k was chosen: by `criterion` over the curves (`--k auto`), or
    /// fixed in advance (`criterion == nil`) with the curves for comparison.
    public static func kSelection(_ selection: KSelection, chosen: Int, criterion: SelectionCriterion?) -> KSelectionSection {
        let chart = KSelectionChart(selection, chosen: chosen)
        var explanation: String
        if let criterion {
            explanation = KSelectionSection.explanation(for: chart, criterion: description(of: criterion))
            if selection.choice(by: criterion).fellBack {
                explanation += " The \(criterion.rawValue) criterion gave no answer over this range, so the highest mean silhouette decided."
            }
        } else {
            explanation = KSelectionSection.explanation(for: chart, criterion: "the user")
            explanation += " The curves over k = \(selection.candidates.first!.k)–\(selection.candidates.last!.k) show how the other choices compare."
        }
        if let rows = selection.candidates.first?.fit.labels.count, rows > selection.silhouetteRows {
            explanation += " Mean silhouettes were computed on a random sample of \(selection.silhouetteRows) of the \(rows) rows."
        }
        return KSelectionSection(chart: chart, explanation: explanation)
    }

    /// What a criterion maximises or minimises, in words.
    static func description(of criterion: SelectionCriterion) -> String {
        switch criterion {
        case .silhouette: return "the highest mean silhouette"
        case .elbow: return "the knee of the inertia curve"
        case .calinskiHarabasz: return "the highest Calinski–Harabasz index"
        case .daviesBouldin: return "the lowest Davies–Bouldin index"
        case .gap: return "the gap statistic"
        case .stability: return "the highest bootstrap stability"
        }
    }

    /// The exact per-row silhouette (`Silhouette.samples`) of `labels` on
    /// the clustered `features`, on every row or, beyond `maximumRows`, on a
    /// random sample of that many rows chosen by `seed` (said in the note).
    /// `nil` unless 2 ≤ segments < rows.
    /// - Complexity: O(m² × d) for the m rows plotted.
    public static func silhouette(_ features: Matrix, labels: [Int], maximumRows: Int = 10_000, seed: UInt64,
                                  threads: Int = availableCores) -> SilhouetteSection? {
        let rows = Silhouette.sampleRows(count: features.rows, maximumRows: maximumRows, seed: seed)
        let sampled = rows.count < features.rows
        let data = sampled ? features.selectingRows(rows) : features
        let sampleLabels = sampled ? rows.map { labels[$0] } : labels
        guard let values = Silhouette.samples(data, labels: sampleLabels, threads: threads) else { return nil }
        var notes: [String] = []
        if sampled { notes.append("Shown for a random sample of \(rows.count) of the \(features.rows) clustered rows (seed \(seed)); each value is exact against that sample.") }
        if sampleLabels.contains(where: { $0 < 0 }) { notes.append("Noise rows are left out.") }
        return SilhouetteSection(plot: SilhouettePlot(samples: values, labels: sampleLabels), note: notes.joined(separator: " "))
    }
}
