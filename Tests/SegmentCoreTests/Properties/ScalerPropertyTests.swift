import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Scaling then scaling back returns the data (up to rounding) for every
/// method, on many seeded random datasets with constant and wide-ranging
/// columns; scaled values are always finite.
@Suite struct ScalerPropertyTests {
    @Test(arguments: ScaleMethod.allCases)
    func inverseUndoesTransform(_ method: ScaleMethod) throws {
        for index in 0..<propertyIterations {
            let dataset = RandomDataset(index: index, rounded: index % 2 == 0, rows: 1...40)
            var original = dataset.points
            // Stretch some columns over many orders of magnitude, make one constant.
            let magnitude = [1e-6, 1, 1e6, 1e150][index % 4]
            for row in 0..<original.rows {
                original[row, 0] *= magnitude
                if original.columns > 1 && index % 5 == 0 { original[row, original.columns - 1] = 42 }
            }
            let scaler = try Scaler.fit(method, to: original)
            var data = original
            scaler.transform(&data)
            #expect(data.storage.allSatisfy { $0.isFinite }, "seed \(dataset.seed), \(method)")
            scaler.inverseTransform(&data)
            for position in data.storage.indices {
                let expected = original.storage[position], found = data.storage[position]
                let scale = scaler.scale[position % data.columns], center = scaler.center[position % data.columns]
                // Two roundings, relative to the larger of the value, centre and spread.
                let tolerance = 4 * Double.ulpOfOne * max(abs(expected), abs(center), abs(scale))
                #expect(abs(found - expected) <= tolerance, "seed \(dataset.seed), \(method): \(expected) came back as \(found)")
            }
        }
    }
}
