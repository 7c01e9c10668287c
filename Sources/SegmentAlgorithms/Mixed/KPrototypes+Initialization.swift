import Foundation
import SegmentBase

extension KPrototypes.Run {
    /// Chooses the first prototypes, assigns every row to its nearest,
    /// and sets each prototype to its members' means and modes. Seeded
    /// initializations are retried while a segment starts empty.
    mutating func start(_ initialization: KPrototypes.Initialization) throws {
        var tries = 0
        while true {
            tries += 1
            switch initialization {
            case .prototypes(let numeric, let givenModes):
                precondition(numeric.count == centers.count && givenModes.count == modes.count, "one prototype per segment")
                centers = numeric
                modes = givenModes
            case .cao, .huang:
                if tries > KPrototypes.initializationTries.own {
                    modes = randomRowModes()
                } else {
                    modes = initialization == .cao ? KPrototypes.caoModes(rows, k: k) : huangModes()
                }
                centers = drawnMeans()
            }
            if assignInitially() { break }
            if case .prototypes = initialization {
                throw SegmentError.invalidInput("the given starting prototypes leave a segment empty; choose other starting prototypes or a smaller k")
            }
            if tries == KPrototypes.initializationTries.total {
                throw SegmentError.invalidInput("k-prototypes could not start \(k) segments without an empty one in \(tries) tries; the rows may have fewer than \(k) distinct values: choose a smaller k")
            }
        }
        for segment in 0..<k {
            updateMeans(of: segment)
            for feature in 0..<rows.categoricalWidth {
                modes[segment * rows.categoricalWidth + feature] = mostFrequent(segment: segment, feature: feature)
            }
        }
    }

    /// Assigns every row to its nearest prototype and counts the segments'
    /// sums and categories; false when a segment is left empty.
    mutating func assignInitially() -> Bool {
        let p = rows.numericWidth, q = rows.categoricalWidth
        sums = [Double](repeating: 0, count: k * p)
        sizes = [Int](repeating: 0, count: k)
        counts = [Int](repeating: 0, count: k * totalLevels)
        for row in 0..<rows.count {
            let segment = nearest(row).segment
            membership[row] = Int32(segment)
            sizes[segment] += 1
            for feature in 0..<p { sums[segment * p + feature] += rows.numeric[row * p + feature] }
            for feature in 0..<q {
                counts[segment * totalLevels + levelOffsets[feature] + Int(rows.codes[row * q + feature])] += 1
            }
        }
        return !sizes.contains(0)
    }

    /// Numeric means drawn as `kmodes` does: each feature's mean plus a
    /// standard normal draw times its population standard deviation.
    mutating func drawnMeans() -> [Double] {
        let p = rows.numericWidth
        var mean = [Double](repeating: 0, count: p), deviation = [Double](repeating: 0, count: p)
        for feature in 0..<p {
            let values = (0..<rows.count).map { rows.numeric[$0 * p + feature] }
            mean[feature] = Statistics.mean(values)
            deviation[feature] = Statistics.standardDeviation(values, mean: mean[feature], ddof: 0)
        }
        var means = [Double](repeating: 0, count: k * p)
        for segment in 0..<k {
            for feature in 0..<p { means[segment * p + feature] = mean[feature] + standardNormal() * deviation[feature] }
        }
        return means
    }

    /// A standard normal draw (Box–Muller).
    mutating func standardNormal() -> Double {
        let u = 1 - random.nextUnitDouble(), v = random.nextUnitDouble()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Huang's modes: each feature's category drawn with probability its
    /// frequency, then each prototype moved to the nearest row (by
    /// mismatches, the first on a tie) that equals no other prototype
    /// where possible.
    mutating func huangModes() -> [Int32] {
        let q = rows.categoricalWidth, n = rows.count
        var modes = [Int32](repeating: 0, count: k * q)
        for feature in 0..<q {
            for segment in 0..<k {
                modes[segment * q + feature] = rows.codes[Int.random(in: 0..<n, using: &random) * q + feature]
            }
        }
        for segment in 0..<k {
            func mismatches(_ row: Int) -> Int {
                (0..<q).reduce(0) { $0 + (rows.codes[row * q + $1] == modes[segment * q + $1] ? 0 : 1) }
            }
            func equalsSomePrototype(_ row: Int) -> Bool {
                (0..<k).contains { other in (0..<q).allSatisfy { rows.codes[row * q + $0] == modes[other * q + $0] } }
            }
            let order = (0..<n).sorted { (mismatches($0), $0) < (mismatches($1), $1) }
            let chosen = order.first { !equalsSomePrototype($0) } ?? order[0]
            for feature in 0..<q { modes[segment * q + feature] = rows.codes[chosen * q + feature] }
        }
        return modes
    }

    /// The categories of k rows drawn at random (after failed tries).
    mutating func randomRowModes() -> [Int32] {
        let q = rows.categoricalWidth
        var modes: [Int32] = []
        for _ in 0..<k {
            let row = Int.random(in: 0..<rows.count, using: &random)
            modes += rows.codes[(row * q)..<((row + 1) * q)]
        }
        return modes
    }
}

extension KPrototypes {
    /// Cao, Liang & Bai's (2009) modes, as `kmodes.util.init_methods.init_cao`:
    /// each row's density is the mean over features of its category's share;
    /// the first mode is the densest row, each next one the row maximizing
    /// density × mismatches to its nearest chosen mode (first row on a tie).
    /// - Returns: row-major `k × categoricalWidth` codes.
    public static func caoModes(_ rows: MixedRows, k: Int) -> [Int32] {
        let q = rows.categoricalWidth, n = rows.count
        var density = [Double](repeating: 0, count: n)
        for feature in 0..<q {
            var frequency = [Int](repeating: 0, count: rows.levels[feature])
            for row in 0..<n { frequency[Int(rows.codes[row * q + feature])] += 1 }
            for row in 0..<n { density[row] += Double(frequency[Int(rows.codes[row * q + feature])]) / Double(n) / Double(q) }
        }
        func firstMaximum(_ values: [Double]) -> Int {
            var best = 0
            for index in values.indices where values[index] > values[best] { best = index }
            return best
        }
        var chosen = [firstMaximum(density)]
        while chosen.count < k {
            let scores = (0..<n).map { row in
                chosen.map { mode in
                    Double((0..<q).reduce(0) { $0 + (rows.codes[row * q + $1] == rows.codes[mode * q + $1] ? 0 : 1) }) * density[row]
                }.min()!
            }
            chosen.append(firstMaximum(scores))
        }
        return chosen.flatMap { rows.codes[($0 * q)..<(($0 + 1) * q)] }
    }
}
