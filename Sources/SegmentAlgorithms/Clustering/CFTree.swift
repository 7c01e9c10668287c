import SegmentBase

/// The clustering-feature tree of BIRCH (Zhang, Ramakrishnan and Livny,
/// "BIRCH: an efficient data clustering method for very large databases",
/// SIGMOD 1996), built exactly as scikit-learn's `Birch`.
///
/// A subcluster summarises its points by count `N`, linear sum `LS` and
/// squared sum `SS`; a new point joins the closest leaf subcluster when the
/// merged radius `sqrt(SS/N − ‖LS/N‖²)` stays within `threshold`, else it
/// starts a subcluster; a node with more than `branchingFactor` subclusters
/// splits around its two farthest centroids.
struct CFTree {
    /// Largest subcluster radius.
    let threshold: Double
    /// Most subclusters per node.
    let branchingFactor: Int
    /// Coordinates per point.
    let dimension: Int

    // Subclusters, by index.
    private var sampleCount: [Double] = []
    private var linearSum: [Double] = []
    private var squaredSum: [Double] = []
    private var centroid: [Double] = []
    private var squaredNorm: [Double] = []
    private var child: [Int] = []

    // Nodes, by index: their subclusters in order, and the leaf chain.
    private var members: [[Int]] = []
    private var isLeaf: [Bool] = []
    private var previousLeaf: [Int] = []
    private var nextLeaf: [Int] = []
    private var root = 0
    private let firstLeafHolder: Int

    /// An empty tree.
    init(threshold: Double, branchingFactor: Int, dimension: Int) {
        self.threshold = threshold
        self.branchingFactor = branchingFactor
        self.dimension = dimension
        firstLeafHolder = 0
        _ = makeNode(leaf: true)
        root = makeNode(leaf: true)
        nextLeaf[firstLeafHolder] = root
        previousLeaf[root] = firstLeafHolder
    }

    /// Adds one point.
    mutating func insert(_ point: UnsafePointer<Double>) {
        let subcluster = makeSubcluster()
        var norm = 0.0
        for j in 0..<dimension {
            linearSum[subcluster * dimension + j] = point[j]
            centroid[subcluster * dimension + j] = point[j]
            norm += point[j] * point[j]
        }
        sampleCount[subcluster] = 1
        squaredSum[subcluster] = norm
        squaredNorm[subcluster] = norm
        if insert(subcluster, into: root) {
            let (first, second) = split(root)
            let newRoot = makeNode(leaf: false)
            members[newRoot] = [first, second]
            root = newRoot
        }
    }

    /// The leaf subclusters' centroids, leaf by leaf along the leaf chain (`m × d`).
    var subclusterCenters: Matrix {
        var rows: [Int] = []
        var leaf = nextLeaf[firstLeafHolder]
        while leaf >= 0 {
            rows += members[leaf]
            leaf = nextLeaf[leaf]
        }
        var centers = Matrix(rows: rows.count, columns: dimension)
        for (row, subcluster) in rows.enumerated() {
            for j in 0..<dimension { centers[row, j] = centroid[subcluster * dimension + j] }
        }
        return centers
    }

    private mutating func makeSubcluster() -> Int {
        sampleCount.append(0)
        squaredSum.append(0)
        squaredNorm.append(0)
        child.append(-1)
        linearSum.append(contentsOf: repeatElement(0, count: dimension))
        centroid.append(contentsOf: repeatElement(0, count: dimension))
        return sampleCount.count - 1
    }

    private mutating func makeNode(leaf: Bool) -> Int {
        members.append([])
        isLeaf.append(leaf)
        previousLeaf.append(-1)
        nextLeaf.append(-1)
        return members.count - 1
    }

    /// Inserts `subcluster` below `node`; returns whether `node` must split.
    private mutating func insert(_ subcluster: Int, into node: Int) -> Bool {
        guard !members[node].isEmpty else {
            members[node].append(subcluster)
            return false
        }
        // The closest entry by ‖c‖² − 2·c·x (scikit-learn's ranking).
        var closestPosition = 0, closestValue = Double.infinity
        for (position, entry) in members[node].enumerated() {
            var dot = 0.0
            for j in 0..<dimension { dot += centroid[entry * dimension + j] * centroid[subcluster * dimension + j] }
            let value = dot * -2 + squaredNorm[entry]
            if value < closestValue {
                closestValue = value
                closestPosition = position
            }
        }
        let closest = members[node][closestPosition]
        if child[closest] >= 0 {
            if !insert(subcluster, into: child[closest]) {
                absorb(subcluster, into: closest)
                return false
            }
            let (first, second) = split(child[closest])
            members[node][closestPosition] = first
            members[node].append(second)
            return members[node].count > branchingFactor
        }
        if mergeIfClose(subcluster, into: closest) { return false }
        members[node].append(subcluster)
        return members[node].count > branchingFactor
    }

    /// Adds `source`'s sums to `target` unconditionally.
    private mutating func absorb(_ source: Int, into target: Int) {
        sampleCount[target] += sampleCount[source]
        squaredSum[target] += squaredSum[source]
        var norm = 0.0
        for j in 0..<dimension {
            linearSum[target * dimension + j] += linearSum[source * dimension + j]
            let value = linearSum[target * dimension + j] / sampleCount[target]
            centroid[target * dimension + j] = value
            norm += value * value
        }
        squaredNorm[target] = norm
    }

    /// Merges `source` into `target` when the merged radius is within the threshold.
    private mutating func mergeIfClose(_ source: Int, into target: Int) -> Bool {
        let count = sampleCount[target] + sampleCount[source]
        var norm = 0.0
        for j in 0..<dimension {
            let value = (1 / count) * (linearSum[target * dimension + j] + linearSum[source * dimension + j])
            norm += value * value
        }
        let squaredRadius = (squaredSum[target] + squaredSum[source]) / count - norm
        guard squaredRadius <= threshold * threshold else { return false }
        sampleCount[target] = count
        squaredSum[target] += squaredSum[source]
        for j in 0..<dimension {
            linearSum[target * dimension + j] += linearSum[source * dimension + j]
            centroid[target * dimension + j] = (1 / count) * linearSum[target * dimension + j]
        }
        squaredNorm[target] = norm
        return true
    }

    /// Splits `node` into two new nodes around its farthest pair of centroids
    /// and returns the two subclusters that summarise them.
    private mutating func split(_ node: Int) -> (Int, Int) {
        let entries = members[node]
        let leaf = isLeaf[node]
        let firstNode = makeNode(leaf: leaf), secondNode = makeNode(leaf: leaf)
        let first = makeSubcluster(), second = makeSubcluster()
        child[first] = firstNode
        child[second] = secondNode
        if leaf {
            let before = previousLeaf[node], after = nextLeaf[node]
            if before >= 0 { nextLeaf[before] = firstNode }
            previousLeaf[firstNode] = before
            nextLeaf[firstNode] = secondNode
            previousLeaf[secondNode] = firstNode
            nextLeaf[secondNode] = after
            if after >= 0 { previousLeaf[after] = secondNode }
        }
        // Squared distances as scikit-learn's euclidean_distances computes them:
        // ‖a‖² − 2·a·b + ‖b‖², clipped at 0, 0 on the diagonal; first maximum wins.
        let m = entries.count
        func squaredDistance(_ a: Int, _ b: Int) -> Double {
            if a == b { return 0 }
            var dot = 0.0, normA = 0.0
            for j in 0..<dimension {
                dot += centroid[a * dimension + j] * centroid[b * dimension + j]
                normA += centroid[a * dimension + j] * centroid[a * dimension + j]
            }
            return max(0, normA - 2 * dot + squaredNorm[b])
        }
        var farthest = (0, 0), largest = -Double.infinity
        for i in 0..<m {
            for j in 0..<m {
                let value = squaredDistance(entries[i], entries[j])
                if value > largest {
                    largest = value
                    farthest = (i, j)
                }
            }
        }
        for (position, entry) in entries.enumerated() {
            let toFirst = squaredDistance(entries[farthest.0], entry)
            let toSecond = squaredDistance(entries[farthest.1], entry)
            let joinsFirst = position == farthest.0 || toFirst < toSecond
            members[joinsFirst ? firstNode : secondNode].append(entry)
            absorb(entry, into: joinsFirst ? first : second)
        }
        return (first, second)
    }
}
