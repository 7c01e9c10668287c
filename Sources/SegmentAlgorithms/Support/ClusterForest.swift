import SegmentBase

/// The merge forest of a hierarchical clustering: element `i` points to the
/// cluster it was merged into, and `root(of:)` follows the pointers (with
/// path compression) to the current cluster. Used to number merges and cut
/// trees the way SciPy does.
struct ClusterForest {
    private var parent: [Int]

    /// A forest of `count` singleton clusters `0..<count`.
    init(count: Int) {
        parent = Array(0..<count)
    }

    /// The current cluster containing `element`.
    mutating func root(of element: Int) -> Int {
        var root = element
        while parent[root] != root { root = parent[root] }
        var node = element
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    /// Makes clusters `a` and `b` (roots) children of the new cluster `label`.
    mutating func merge(_ a: Int, _ b: Int, into label: Int) {
        parent[a] = label
        parent[b] = label
    }
}
