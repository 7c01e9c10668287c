import SegmentBase

/// A uniform random sample of at most `capacity` fixed-width rows from a
/// stream of unknown length (Vitter, "Random sampling with a reservoir",
/// ACM TOMS 11(1), 1985 — Algorithm R).
///
/// Every row offered so far is in the sample with the same probability
/// `capacity / seen`; the sample depends only on the seed and the order of
/// the rows.
/// - Complexity: O(width) per offered row, O(capacity × width) memory.
public struct ReservoirSample: Sendable {
    /// Most rows kept.
    public let capacity: Int
    /// Values per row.
    public let width: Int
    /// Rows offered so far.
    public private(set) var seen = 0
    /// The kept rows, row-major.
    public private(set) var storage: [Double] = []
    private var rng: SplitMix64

    /// Creates an empty sample of up to `capacity` rows of `width` values.
    public init(capacity: Int, width: Int, rng: SplitMix64) {
        precondition(capacity >= 0 && width > 0, "capacity must be non-negative and width positive")
        self.capacity = capacity
        self.width = width
        self.rng = rng
    }

    /// Number of rows kept.
    public var count: Int { storage.count / width }

    /// The kept rows as a matrix.
    public var matrix: Matrix { Matrix(rows: count, columns: width, storage: storage) }

    /// Offers one row (`width` values at `row`) to the sample.
    public mutating func offer(_ row: UnsafePointer<Double>) {
        seen += 1
        if count < capacity {
            storage.append(contentsOf: UnsafeBufferPointer(start: row, count: width))
            return
        }
        let slot = Int.random(in: 0..<seen, using: &rng)
        guard slot < capacity else { return }
        storage.withUnsafeMutableBufferPointer { kept in
            (kept.baseAddress! + slot * width).update(from: row, count: width)
        }
    }
}
