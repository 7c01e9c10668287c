import Dispatch
import Foundation

/// Hands large memory back to the system on a background thread.
///
/// Freeing hundreds of megabytes means unmapping them, and the kernel's
/// work for that (tens of milliseconds per gigabyte, more in a virtual
/// machine) would otherwise stall the thread that drops the last reference,
/// between two phases that have to wait for it. Nothing observable depends
/// on when the memory is returned.
public enum BackgroundRelease {
    /// Destroys `value` (its arrays and objects) on a background thread;
    /// the caller must hold no other reference to the storage.
    public static func release<Value>(_ value: consuming Value) {
        let box = UncheckedSendable(value)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
    }

    /// Destroys `value` on a background thread, then returns all the heap's
    /// free memory to the system there (`MemoryPolicy.returnFreedMemory`):
    /// for the last large release before the process ends, when nothing
    /// will reuse the memory.
    public static func releaseForGood<Value>(_ value: consuming Value) {
        let holder = Holder(value)
        DispatchQueue.global(qos: .utility).async {
            holder.value = nil
            MemoryPolicy.returnFreedMemory()
        }
    }

    /// A value that a background thread destroys by setting it to `nil`
    /// (a closure's captures are destroyed only after it returns).
    private final class Holder<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }

    /// Deallocates `pointer` on a background thread.
    public static func deallocate<Element>(_ pointer: UnsafeMutablePointer<Element>) {
        let box = UncheckedSendable(pointer)
        DispatchQueue.global(qos: .utility).async { box.value.deallocate() }
    }

    /// Unmaps `size` bytes at `mapping` (from `mmap`) on a background thread.
    static func unmap(_ mapping: UnsafeMutableRawPointer, size: Int) {
        let box = UncheckedSendable(mapping)
        DispatchQueue.global(qos: .utility).async { _ = munmap(box.value, size) }
    }
}
