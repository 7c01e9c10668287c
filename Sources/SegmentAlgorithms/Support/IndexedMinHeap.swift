import SegmentBase

/// A binary min-heap of items `0..<capacity` keyed by `Double`, whose keys can
/// be changed and items removed in `O(log n)` (the priority queue of
/// Müllner's generic clustering algorithm). Equal keys order by item, so the
/// minimum is deterministic.
struct IndexedMinHeap {
    /// Items in heap order.
    private var heap: [Int] = []
    /// `position[item]`: the item's index in `heap`, or −1 when absent.
    private var position: [Int]
    /// `key[item]`.
    private var key: [Double]

    /// A heap holding `keys.count` items with the given keys.
    init(keys: [Double]) {
        key = keys
        heap = Array(keys.indices)
        position = Array(keys.indices)
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    /// The item with the smallest key (ties: smallest item), if any.
    var top: Int? { heap.first }

    /// Whether the heap is empty.
    var isEmpty: Bool { heap.isEmpty }

    /// Sets `item`'s key, restoring heap order.
    mutating func update(_ item: Int, key newKey: Double) {
        let old = key[item]
        key[item] = newKey
        guard position[item] >= 0 else { return }
        if newKey < old { siftUp(position[item]) } else { siftDown(position[item]) }
    }

    /// Removes `item` if present.
    mutating func remove(_ item: Int) {
        let index = position[item]
        guard index >= 0 else { return }
        let last = heap.removeLast()
        position[item] = -1
        guard index < heap.count else { return }
        heap[index] = last
        position[last] = index
        siftUp(index)
        siftDown(position[last])
    }

    @inline(__always)
    private func less(_ a: Int, _ b: Int) -> Bool {
        key[a] < key[b] || (key[a] == key[b] && a < b)
    }

    private mutating func siftUp(_ start: Int) {
        var index = start
        while index > 0 {
            let parent = (index - 1) / 2
            guard less(heap[index], heap[parent]) else { return }
            swapAt(index, parent)
            index = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var index = start
        while true {
            let left = 2 * index + 1
            guard left < heap.count else { return }
            var smallest = left
            if left + 1 < heap.count && less(heap[left + 1], heap[left]) { smallest = left + 1 }
            guard less(heap[smallest], heap[index]) else { return }
            swapAt(index, smallest)
            index = smallest
        }
    }

    private mutating func swapAt(_ a: Int, _ b: Int) {
        heap.swapAt(a, b)
        position[heap[a]] = a
        position[heap[b]] = b
    }
}
