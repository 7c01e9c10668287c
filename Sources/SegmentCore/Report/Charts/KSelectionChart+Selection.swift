import SegmentBase
import SegmentIO
import SegmentAlgorithms

extension KSelectionChart {
    /// The curves of a k-means model selection: inertia and mean silhouette
    /// for every k fitted, the knee of the inertia curve, the gap curve with
    /// its error bars when it was computed, and `chosen` (the k the analysis
    /// used, if any) marked.
    public init(_ selection: KSelection, chosen: Int?) {
        self.init(ks: selection.candidates.map(\.k), inertia: selection.candidates.map(\.fit.inertia),
                  silhouette: selection.candidates.map(\.silhouette), knee: selection.knee, chosen: chosen)
        if let gap = selection.gap {
            self.gap = gap.values.map { ($0.gap, $0.standardError) }
            gapChoice = gap.choice(by: selection.gapRule)
        }
    }
}
