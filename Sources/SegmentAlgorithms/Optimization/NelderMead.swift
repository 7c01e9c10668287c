/// Derivative-free minimisation by the Nelder–Mead simplex method (Nelder &
/// Mead, "A simplex method for function minimization", 1965), with the
/// usual coefficients (reflection 1, expansion 2, contraction ½, shrink ½)
/// and restarts from the best point until a restart no longer improves it,
/// which guards against the simplex collapsing early (Gao & Han 2012 discuss
/// the failure mode).
public struct NelderMead: Sendable {
    /// The outcome of a minimisation.
    public struct Result: Sendable {
        /// The best point found.
        public var point: [Double]
        /// The function's value there.
        public var value: Double
        /// Whether the simplex met the tolerances before `maximumEvaluations`.
        public var converged: Bool
        /// Function evaluations used.
        public var evaluations: Int
    }

    /// Stop when the simplex's values differ by at most this, relative to
    /// 1 + |best value|…
    public var valueTolerance = 1e-12
    /// …and its points by at most this in every coordinate.
    public var pointTolerance = 1e-8
    /// The size of the first simplex's steps from the start point.
    public var initialStep = 0.5
    /// The evaluation budget over all restarts.
    public var maximumEvaluations = 20_000

    /// Settings with the default tolerances.
    public init() {}

    /// Minimises `function` from `start`. A non-finite value counts as +∞,
    /// so the search walks away from where the function is undefined.
    public func minimize(from start: [Double], _ function: ([Double]) -> Double) -> Result {
        var evaluations = 0
        func evaluate(_ point: [Double]) -> Double {
            evaluations += 1
            let value = function(point)
            return value.isFinite ? value : .infinity
        }
        var best = start
        var bestValue = evaluate(start)
        var converged = false
        var step = initialStep
        // Restart from the best point with a fresh simplex until a whole run
        // gains nothing (at most a few restarts in practice).
        for _ in 0..<20 {
            let run = simplexRun(from: best, value: bestValue, step: step, evaluate: evaluate, evaluations: { evaluations })
            let gained = bestValue - run.value
            if run.value <= bestValue {
                best = run.point
                bestValue = run.value
            }
            converged = run.converged
            if !run.converged || !(gained > valueTolerance * (1 + abs(bestValue))) { break }
            step = max(step / 4, 1e-3)
        }
        return Result(point: best, value: bestValue, converged: converged && bestValue.isFinite, evaluations: evaluations)
    }

    /// One simplex run started at `start` with steps `step` along each axis.
    private func simplexRun(from start: [Double], value startValue: Double, step: Double,
                            evaluate: ([Double]) -> Double, evaluations: () -> Int) -> (point: [Double], value: Double, converged: Bool) {
        let dimension = start.count
        var points = [start]
        var values = [startValue]
        for axis in 0..<dimension {
            var point = start
            point[axis] += step
            points.append(point)
            values.append(evaluate(point))
        }
        func combine(_ a: [Double], _ b: [Double], _ weight: Double) -> [Double] {
            // a + weight · (b − a)
            (0..<dimension).map { a[$0] + weight * (b[$0] - a[$0]) }
        }
        while evaluations() < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            let spread = values[dimension] - values[0]
            let size = (1...dimension).reduce(0.0) { widest, vertex in
                max(widest, (0..<dimension).reduce(0.0) { max($0, abs(points[vertex][$1] - points[0][$1])) })
            }
            if spread <= valueTolerance * (1 + abs(values[0])) && size <= pointTolerance { return (points[0], values[0], true) }
            var centroid = [Double](repeating: 0, count: dimension)
            for vertex in 0..<dimension {
                for axis in 0..<dimension { centroid[axis] += points[vertex][axis] / Double(dimension) }
            }
            let worst = points[dimension]
            let reflected = combine(centroid, worst, -1)
            let reflectedValue = evaluate(reflected)
            if reflectedValue < values[0] {
                let expanded = combine(centroid, worst, -2)
                let expandedValue = evaluate(expanded)
                if expandedValue < reflectedValue {
                    points[dimension] = expanded; values[dimension] = expandedValue
                } else {
                    points[dimension] = reflected; values[dimension] = reflectedValue
                }
                continue
            }
            if reflectedValue < values[dimension - 1] {
                points[dimension] = reflected; values[dimension] = reflectedValue
                continue
            }
            // Contract toward the better of the worst point and its reflection.
            let outside = reflectedValue < values[dimension]
            let contracted = combine(centroid, outside ? reflected : worst, 0.5)
            let contractedValue = evaluate(contracted)
            if contractedValue < (outside ? reflectedValue : values[dimension]) {
                points[dimension] = contracted; values[dimension] = contractedValue
                continue
            }
            for vertex in 1...dimension {
                points[vertex] = combine(points[0], points[vertex], 0.5)
                values[vertex] = evaluate(points[vertex])
            }
        }
        let bestVertex = values.indices.min { values[$0] < values[$1] }!
        return (points[bestVertex], values[bestVertex], false)
    }
}
