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
