import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// The merge tree of an agglomerative run, truncated to its top merges as
/// SciPy's `dendrogram(truncate_mode="lastp")` does: only the last
/// `leafCount − 1` merges are drawn, and each subtree below them becomes one
/// leaf labelled with its size in parentheses (a single row keeps its index).
///
/// Input rows follow SciPy's linkage-matrix layout: row `i` merges clusters
/// `left` and `right` (ids below `n` are rows, `n + j` is the cluster formed
/// at row `j`) at `distance` into a cluster of `size` rows (D. Müllner,
/// "Modern hierarchical, agglomerative clustering algorithms", 2011).
public struct Dendrogram: Sendable {
    /// The `n − 1` merges, in order.
    public var merges: [LinkageMatrix.Merge]
    /// Leaves drawn at most (SciPy's `p`), so `leafCount − 1` merges are shown.
    public var leafCount: Int
    /// When given, a dashed line marks the height that cuts the tree into this many segments.
    public var segmentCount: Int?

    /// Creates the chart data.
    public init(merges: [LinkageMatrix.Merge], leafCount: Int = 30, segmentCount: Int? = nil) {
        precondition(leafCount >= 2, "a dendrogram needs at least two leaves")
        self.merges = merges
        self.leafCount = leafCount
        self.segmentCount = segmentCount
    }

    /// A node as laid out: its x position (in leaf units) and height.
    struct Placed {
        var x: Double
        var height: Double
    }

    /// The leaves left to right as (cluster id, label), and the shown merges
    /// with their child positions, computed by a left-first walk from the root.
    func layout() -> (leaves: [String], links: [(left: Placed, right: Placed, height: Double)]) {
        let n = merges.count + 1
        let firstShown = n + max(0, merges.count - (leafCount - 1))
        var leaves: [String] = []
        var links: [(left: Placed, right: Placed, height: Double)] = []
        func place(_ id: Int) -> Placed {
            guard id >= firstShown else {
                let position = Double(leaves.count)
                leaves.append(id < n ? String(id) : "(\(merges[id - n].size))")
                return Placed(x: position, height: 0)
            }
            let merge = merges[id - n]
            let left = place(merge.left), right = place(merge.right)
            links.append((left, right, merge.distance))
            return Placed(x: (left.x + right.x) / 2, height: merge.distance)
        }
        if merges.isEmpty { leaves = ["0"] } else { _ = place(2 * n - 2) }
        return (leaves, links)
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let (leaves, links) = layout()
        let width = 800.0, height = 420.0
        var svg = SVGDocument(width: width, height: height, title: "Dendrogram")
        let shown = leaves.count
        svg.text("Dendrogram (top \(shown) clusters; (n) = rows merged below)", x: width / 2, y: 20,
                 anchor: .middle, size: 13, weight: "bold")
        let top = merges.map(\.distance).max() ?? 1
        let frame = PlotFrame(left: 80, top: 36, width: width - 110, height: height - 110,
                              xRange: (0, 1), yRange: (0, top))
        let bottom = frame.top + frame.height
        for tick in frame.yTicks.ticks {
            let position = frame.y(tick)
            svg.line(x1: frame.left, y1: position, x2: frame.left + frame.width, y2: position, stroke: Palette.grid)
            svg.text(frame.yTicks.label(tick), x: frame.left - 7, y: position + 4, anchor: .end, size: 11)
        }
        svg.line(x1: frame.left, y1: frame.top, x2: frame.left, y2: bottom, stroke: Palette.axis)
        svg.text("merge distance", x: 24, y: frame.top + frame.height / 2, anchor: .middle, size: 12, rotation: -90)
        let spacing = frame.width / Double(max(1, shown))
        func x(_ position: Double) -> Double { frame.left + spacing * (position + 0.5) }
        if let segmentCount, segmentCount >= 2, segmentCount <= merges.count {
            let above = merges[merges.count - segmentCount + 1].distance
            let below = merges[merges.count - segmentCount].distance
            let cut = frame.y((above + below) / 2)
            svg.line(x1: frame.left, y1: cut, x2: frame.left + frame.width, y2: cut, stroke: Palette.highlight, width: 1.5, dashed: true)
            svg.text("cut: \(segmentCount) segments", x: frame.left + frame.width - 4, y: cut - 5, anchor: .end, size: 11, fill: Palette.highlight)
        }
        for link in links {
            svg.polyline([(x(link.left.x), frame.y(link.left.height)), (x(link.left.x), frame.y(link.height)),
                          (x(link.right.x), frame.y(link.height)), (x(link.right.x), frame.y(link.right.height))],
                         stroke: Palette.colors[0], width: 1.5)
        }
        for (position, label) in leaves.enumerated() {
            svg.text(label, x: x(Double(position)) + 4, y: bottom + 8, anchor: .end, size: 10, rotation: -90)
        }
        svg.text("rows or clusters of rows", x: frame.left + frame.width / 2, y: height - 8, anchor: .middle, size: 12)
        return svg.render()
    }
}
