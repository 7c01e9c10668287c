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
