import Dispatch
import SegmentBase

/// The output files of one run, renamed into place together at the end.
///
/// A command that writes several files (`cluster -o … --model … --centers …`)
/// opens each through the batch and calls `commitAll()` only after all of
/// them were written, so a run that fails part-way leaves every existing
/// output file untouched: the sinks not committed remove their temporary
/// files when released.
public final class OutputBatch {
    private var sinks: [OutputSink] = []

    /// Creates an empty batch.
    public init() {}

    /// Opens `destination` as part of the batch.
    /// - Throws: `SegmentError.writeFailed` when the temporary file cannot be created.
    public func open(_ destination: OutputDestination) throws -> OutputSink {
        let sink = try OutputSink(destination)
        sinks.append(sink)
        return sink
    }

    /// Runs `commitAll()` on a background thread while `work` runs on this
    /// one, and returns `work`'s result once both have finished. A commit
    /// mostly waits for the disk (`fsync`), so work that needs the cores
    /// (such as a summary statistic) costs no extra time beside it.
    /// - Throws: the first commit failure, after `work` has finished.
    public func commitAll<Result>(while work: () -> Result) throws -> Result {
        let outcome = CommitOutcome(), batch = UncheckedSendable(self)
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            do { try batch.value.commitAll() } catch { outcome.failure = error }
        }
        let result = work()
        group.wait()
        if let failure = outcome.failure { throw failure }
        return result
    }

    /// Commits every sink in the order they were opened.
    /// - Throws: the first commit failure; the sinks after it are abandoned.
    public func commitAll() throws {
        defer { sinks.removeAll() }
        for (index, sink) in sinks.enumerated() {
            do {
                try sink.commit()
            } catch {
                for later in sinks[(index + 1)...] { later.abandon() }
                throw error
            }
        }
    }
}

/// The failure, if any, of a commit run on another thread.
private final class CommitOutcome: @unchecked Sendable {
    /// Set by the committing thread before the waiting one reads it.
    var failure: (any Error)?
}
