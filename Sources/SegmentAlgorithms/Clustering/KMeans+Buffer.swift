import SegmentBase

extension KMeans {
    /// A fixed-size block of memory allocated once per fit and freed with it,
    /// which the parallel passes write through its pointer.
    ///
    /// `@unchecked Sendable`: every pass writes only the elements of its own
    /// chunk (rows or per-chunk slices), so concurrent writes never overlap.
    final class Buffer<Element>: @unchecked Sendable {
        /// The elements.
        let pointer: UnsafeMutablePointer<Element>
        /// Number of elements.
        let count: Int

        /// Allocates `count` elements set to `value`.
        init(repeating value: Element, count: Int) {
            self.count = count
            pointer = .allocate(capacity: max(count, 1))
            pointer.initialize(repeating: value, count: count)
        }

        /// Allocates one element per item of `chunks`, set to `value`, each
        /// chunk initialised by the worker that takes it: the first touches
        /// of a large buffer's pages are shared between the cores.
        init(repeating value: Element, chunks: ParallelChunks) where Element: Sendable {
            count = chunks.count
            pointer = .allocate(capacity: max(count, 1))
            let shared = UncheckedSendable(pointer)
            chunks.forEachChunk { _, items in (shared.value + items.lowerBound).initialize(repeating: value, count: items.count) }
        }

        deinit {
            pointer.deinitialize(count: count)
            pointer.deallocate()
        }

        /// Element `index`.
        subscript(index: Int) -> Element {
            get { pointer[index] }
            set { pointer[index] = newValue }
        }

        /// Sets every element to `value`.
        func fill(_ value: Element) {
            pointer.update(repeating: value, count: count)
        }

        /// The elements as an array.
        var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
    }
}
