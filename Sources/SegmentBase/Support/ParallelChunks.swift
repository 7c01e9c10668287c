import Dispatch
import Foundation
import Synchronization

/// Splits `0..<count` into fixed-size chunks and runs them on up to
/// `threads` cores.
///
/// Chunk boundaries depend only on `count` and `chunkSize`, never on the
/// number of threads, so a computation that writes per-chunk results and then
/// reduces them in chunk order gives bit-identical results for any thread
/// count. Workers claim the next unprocessed chunk as they finish one, so a
/// worker slowed down by other processes does not hold the others back.
public struct ParallelChunks: Sendable {
    /// Number of items split into chunks.
    public let count: Int
    /// Items per chunk (the last chunk may be shorter).
    public let chunkSize: Int
    /// Number of concurrent workers (at least 1).
    public let threads: Int

    /// Number of chunks.
    @inlinable
    public var chunkCount: Int { count == 0 ? 0 : (count + chunkSize - 1) / chunkSize }

    /// Creates a chunking of `0..<count`.
    /// - Parameters:
    ///   - count: number of items.
    ///   - chunkSize: items per chunk; must be positive.
    ///   - threads: maximum concurrent workers; values below 1 mean 1.
    @inlinable
    public init(count: Int, chunkSize: Int, threads: Int) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.count = count
        self.chunkSize = chunkSize
        self.threads = max(1, threads)
    }

    /// The item range of chunk `index`.
    @inlinable
    public func range(ofChunk index: Int) -> Range<Int> {
        let start = index * chunkSize
        return start..<min(count, start + chunkSize)
    }

    /// Runs `body(chunkIndex, range)` for every chunk, in parallel.
    ///
    /// `body` must only write state owned by its chunk.
    @inlinable
    public func forEachChunk(_ body: @Sendable (_ chunk: Int, _ range: Range<Int>) -> Void) {
        forEachChunk(alongside: nil, body)
    }

    /// Runs `body(chunkIndex, range)` for every chunk, in parallel, while one
    /// worker first runs `job` (a different kind of work, such as writing
    /// the previous results) and then joins the others on the chunks.
    /// With one thread, `job` runs first, then the chunks.
    ///
    /// `body` must only write state owned by its chunk, and `job` state no
    /// chunk touches.
    @inlinable
    public func forEachChunk(alongside job: (() -> Void)?, _ body: @Sendable (_ chunk: Int, _ range: Range<Int>) -> Void) {
        let chunks = chunkCount
        let workers = min(threads, chunks + (job == nil ? 0 : 1))
        if workers <= 1 {
            job?()
            for chunk in 0..<chunks { body(chunk, range(ofChunk: chunk)) }
            return
        }
        let claims = ChunkClaims()
        let job = UncheckedSendable(job)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            if worker == 0 { job.value?() }
            while true {
                let chunk = claims.next.add(1, ordering: .relaxed).oldValue
                if chunk >= chunks { break }
                body(chunk, range(ofChunk: chunk))
            }
        }
    }

    /// Maps every chunk to a value in parallel and returns the values in chunk
    /// order, ready for a deterministic reduction.
    @inlinable
    public func mapChunks<T>(_ transform: @Sendable (_ chunk: Int, _ range: Range<Int>) -> T) -> [T] {
        mapChunks(alongside: nil, transform)
    }

    /// `mapChunks` for a transform that can fail: every chunk runs, and the
    /// error of the first failing chunk in chunk order is thrown, so the
    /// outcome is the same for any thread count.
    public func tryMapChunks<T>(_ transform: @Sendable (_ chunk: Int, _ range: Range<Int>) throws -> T) throws -> [T] {
        try mapChunks { chunk, range in Result { try transform(chunk, range) } }.map { try $0.get() }
    }

    /// `mapChunks` while one worker first runs `job` (see
    /// `forEachChunk(alongside:_:)`).
    @inlinable
    public func mapChunks<T>(alongside job: (() -> Void)?, _ transform: @Sendable (_ chunk: Int, _ range: Range<Int>) -> T) -> [T] {
        let chunks = chunkCount
        var results = [T?](repeating: nil, count: chunks)
        results.withUnsafeMutableBufferPointer { slots in
            // Each chunk writes only its own slot.
            let shared = UncheckedSendable(slots)
            forEachChunk(alongside: job) { chunk, range in
                shared.value[chunk] = transform(chunk, range)
            }
        }
        return results.map { $0! }
    }
}

/// The shared counter from which workers claim chunk indices.
@usableFromInline
final class ChunkClaims: Sendable {
    /// The next unclaimed chunk.
    @usableFromInline
    let next = Atomic<Int>(0)

    /// Claims start at chunk 0.
    @usableFromInline
    init() {}
}

/// The number of cores available to this process.
public var availableCores: Int {
    max(1, ProcessInfo.processInfo.activeProcessorCount)
}
