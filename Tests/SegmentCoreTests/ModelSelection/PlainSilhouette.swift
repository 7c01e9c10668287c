/// The silhouette by its definition (Rousseeuw 1987), pair by pair, as the
/// gold reference for the optimised kernel. Noise (label < 0) is left out.
func plainSilhouetteSamples(_ points: [[Double]], labels: [Int]) -> [Double] {
    func distance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices { sum += (a[index] - b[index]) * (a[index] - b[index]) }
        return sum.squareRoot()
    }
    let clusters = Set(labels.filter { $0 >= 0 })
    return points.indices.map { i in
        guard labels[i] >= 0 else { return 0 }
        let own = points.indices.filter { labels[$0] == labels[i] }
        if own.count == 1 { return 0 }
        let a = own.reduce(0.0) { $0 + distance(points[i], points[$1]) } / Double(own.count - 1)
        var b = Double.infinity
        for cluster in clusters where cluster != labels[i] {
            let members = points.indices.filter { labels[$0] == cluster }
            b = min(b, members.reduce(0.0) { $0 + distance(points[i], points[$1]) } / Double(members.count))
        }
        return (b - a) / max(a, b)
    }
}
