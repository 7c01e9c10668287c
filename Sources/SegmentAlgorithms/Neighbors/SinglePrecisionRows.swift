import SegmentBase

/// A single-precision copy of a matrix's rows in 64-byte-aligned memory:
/// half the bytes of the `Double` rows, and a row of up to 16 features never
/// straddles a cache line. The nearest-centre screens read it instead of the
/// exact rows; every rounding it introduces is accounted for in their error
/// bounds (`roundingRadius`), so results stay exactly those of the `Double`
/// rows.
final class SinglePrecisionRows: @unchecked Sendable {
    /// The rows, row-major, `rows × columns`.
    let values: UnsafeMutablePointer<Float>
    /// Number of rows.
    let rows: Int
    /// Features per row.
    let columns: Int

    /// Copies `matrix`, converting rows in parallel over fixed chunks.
    /// A value beyond `Float`'s range becomes `±∞`, which the screens
    /// detect and answer exactly from the `Double` rows instead.
    init(_ matrix: Matrix, threads: Int) {
        rows = matrix.rows
        columns = matrix.columns
        let count = rows * columns
        values = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: max(count, 1))
        let width = columns
        matrix.storage.withUnsafeBufferPointer { source in
            let shared = UncheckedSendable((source.baseAddress!, values))
            ParallelChunks(count: rows, chunkSize: 16_384, threads: threads).forEachChunk { _, rows in
                let (source, target) = shared.value
                for index in (rows.lowerBound * width)..<(rows.upperBound * width) { target[index] = Float(source[index]) }
            }
        }
    }

    deinit {
        values.deallocate()
    }

    /// The first value of row `row`.
    @inline(__always)
    func row(_ row: Int) -> UnsafePointer<Float> {
        UnsafePointer(values + row * columns)
    }

    /// An upper bound on the distance between a row and its single-precision
    /// copy whose (double-precision) norm is `copyNorm`: each coordinate is
    /// off by at most 2⁻²⁴ of itself, or 2⁻¹⁵⁰ where it underflows; the
    /// small factors cover the rounding of this bound itself.
    @inline(__always)
    static func roundingRadius(copyNorm: Double, dimensions: Int) -> Double {
        copyNorm * relativeRounding + Double(dimensions) * 0x1p-149
    }

    /// `roundingRadius` for eight norms at once, lane by lane the same values.
    @inline(__always)
    static func roundingRadius(copyNorm: SIMD8<Double>, dimensions: Int) -> SIMD8<Double> {
        copyNorm * relativeRounding + Double(dimensions) * 0x1p-149
    }

    /// The relative rounding of a coordinate, with room for the rounding of
    /// the bound itself.
    static let relativeRounding = 0x1p-24 * (1 + 0x1p-20)
}
