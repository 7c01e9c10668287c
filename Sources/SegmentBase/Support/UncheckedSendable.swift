/// Carries a value into a `@Sendable` closure (such as the body of
/// `DispatchQueue.concurrentPerform`) when the caller guarantees that the
/// concurrent uses are safe — typically because each task writes a disjoint
/// range of a buffer. Every use site says why its writes are disjoint.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    /// The wrapped value.
    public let value: Value

    /// Wraps `value`.
    @inlinable
    public init(_ value: Value) {
        self.value = value
    }
}
