/// Receives progress of long computations.
///
/// SegmentCore never prints: algorithms call `update(_:fraction:)` and the
/// command line decides whether and how to show it (on standard error, only
/// when it is a terminal and the work has run for over a second).
public struct ProgressReporter: Sendable {
    private let report: @Sendable (_ stage: String, _ fraction: Double) -> Void

    /// Creates a reporter that forwards every update to `report`.
    public init(_ report: @escaping @Sendable (_ stage: String, _ fraction: Double) -> Void) {
        self.report = report
    }

    /// A reporter that ignores every update.
    public static let silent = ProgressReporter { _, _ in }

    /// Reports that `stage` is `fraction` (0…1) done.
    public func update(_ stage: String, fraction: Double) {
        report(stage, min(1, max(0, fraction)))
    }
}
