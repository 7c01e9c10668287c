import Dispatch
import Testing
@testable import SegmentCore

/// Memory handed to a background thread is really destroyed there.
@Suite struct BackgroundReleaseTests {
    /// Signals when it is destroyed.
    final class Tracked: @unchecked Sendable {
        let destroyed: DispatchSemaphore
        let payload = [Double](repeating: 1, count: 1 << 20)
        init(_ destroyed: DispatchSemaphore) { self.destroyed = destroyed }
        deinit { destroyed.signal() }
    }

    @Test func releaseDestroysTheValue() {
        let destroyed = DispatchSemaphore(value: 0)
        BackgroundRelease.release(Tracked(destroyed))
        #expect(destroyed.wait(timeout: .now() + 10) == .success)
    }

    /// The value is destroyed before the heap is trimmed, and trimming
    /// leaves later allocations working.
    @Test func releaseForGoodDestroysTheValueThenTrims() {
        let destroyed = DispatchSemaphore(value: 0)
        BackgroundRelease.releaseForGood([Tracked(destroyed), Tracked(destroyed)])
        #expect(destroyed.wait(timeout: .now() + 10) == .success)
        #expect(destroyed.wait(timeout: .now() + 10) == .success)
        MemoryPolicy.returnFreedMemory()
        #expect([Double](repeating: 2, count: 1 << 20).reduce(0, +) == Double(2 << 20))
    }
}
