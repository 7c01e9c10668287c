import Foundation
import SegmentCore

/// Shows progress on standard error as one self-overwriting line, only when
/// standard error is a terminal, `--quiet` is off and the work has already
/// taken more than a second; redraws at most ten times a second.
final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let enabled: Bool

    /// Creates a progress line for a command run with `console`.
    init(console: Console) {
        enabled = !console.quiet && Console.standardErrorIsTerminal
    }

    /// The reporter to hand to SegmentCore.
    var reporter: ProgressReporter {
        guard enabled else { return .silent }
        return ProgressReporter { [self] stage, fraction in draw(stage, fraction) }
    }

    private func draw(_ stage: String, _ fraction: Double) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        Console.writeToStandardError("\r\u{1B}[K\(stage) \(Int(fraction * 100))%")
    }

    /// Clears the progress line, if one was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { Console.writeToStandardError("\r\u{1B}[K") }
        drawn = false
    }
}
