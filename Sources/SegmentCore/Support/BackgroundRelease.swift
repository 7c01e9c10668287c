import Dispatch
import Foundation

/// Hands large memory back to the system on a background thread.
///
/// Freeing hundreds of megabytes means unmapping them, and the kernel's
/// work for that (tens of milliseconds per gigabyte, more in a virtual
/// machine) would otherwise stall the thread that drops the last reference,
/// between two phases that have to wait for it. Nothing observable depends
/// on when the memory is returned.
///
/// Every release runs on one serial queue, in the order requested, so at
/// most one core is busy freeing and a release that frees more memory
/// while it runs (a destroyed object handing its buffer to `deallocate`)
/// has that done before anything requested after it.
public enum BackgroundRelease {
    /// The queue every release runs on.
    private static let queue = DispatchQueue(label: "segment.background-release", qos: .utility)

    /// Destroys `value` (its arrays and objects) on a background thread;
    /// the caller must hold no other reference to the storage.
    public static func release<Value>(_ value: consuming Value) {
        let holder = Holder(value)
        queue.async { holder.value = nil }
    }

    /// Destroys `table` on a background thread, first returning the pages
    /// of its buffers to the system (`Table.discard`): for a table that is
    /// the last large release before the process ends.
    public static func discard(_ table: consuming Table) {
        let holder = Holder(table)
        queue.async {
            if let table = holder.value.take() { Table.discard(consume table) }
        }
    }

    /// Deallocates `pointer` on a background thread.
    public static func deallocate<Element>(_ pointer: UnsafeMutablePointer<Element>) {
        let box = UncheckedSendable(pointer)
        queue.async { box.value.deallocate() }
    }

    /// Unmaps `size` bytes at `mapping` (from `mmap`) on a background thread.
    static func unmap(_ mapping: UnsafeMutableRawPointer, size: Int) {
        let box = UncheckedSendable(mapping)
        queue.async { _ = munmap(box.value, size) }
    }

    /// A value the queue destroys by setting it to `nil`, inside the block
    /// (a block's captures are destroyed only after it returns).
    private final class Holder<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }
}
