import Synchronization
import SegmentBase

/// A union–find (disjoint-set) structure that many threads may update at once.
///
/// Lock-free, after Anderson and Woll, "Wait-free parallel algorithms for the
/// union-find problem" (STOC 1991): parents are atomics, `find` halves paths
/// with compare-and-swap, and `union` links the larger root under the smaller
/// one, so no cycle can form. The final sets do not depend on the order of the
/// unions, so results built from them are the same for any thread count
/// (the roots are always each set's smallest element).
final class ConcurrentUnionFind: @unchecked Sendable {
    /// Number of elements.
    let count: Int
    /// `parent[i]`; a root is its own parent.
    private let parent: UnsafeMutablePointer<Atomic<Int>>

    /// `count` singletons.
    init(count: Int) {
        self.count = count
        parent = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: max(1, count))
        for element in 0..<count { (parent + element).initialize(to: Atomic(element)) }
    }

    deinit {
        parent.deinitialize(count: count)
        parent.deallocate()
    }

    /// The root of `element`'s set.
    func find(_ element: Int) -> Int {
        var current = element
        while true {
            let up = parent[current].load(ordering: .relaxed)
            if up == current { return current }
            let upUp = parent[up].load(ordering: .relaxed)
            if up != upUp {
                // Path halving; losing the race only means less halving.
                _ = parent[current].compareExchange(expected: up, desired: upUp, ordering: .relaxed)
            }
            current = upUp
        }
    }

    /// Merges the sets of `a` and `b`.
    func union(_ a: Int, _ b: Int) {
        var first = a, second = b
        while true {
            first = find(first)
            second = find(second)
            if first == second { return }
            let (low, high) = first < second ? (first, second) : (second, first)
            if parent[high].compareExchange(expected: high, desired: low, ordering: .acquiringAndReleasing).exchanged { return }
        }
    }
}
