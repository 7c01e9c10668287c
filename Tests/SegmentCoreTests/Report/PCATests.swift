import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("PCA")
struct PCATests {
    @Test("Jacobi eigen-decomposition of a hand-computed 2×2 matrix")
    func eigenTwoByTwo() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with vectors (1, 1)/√2 and (1, −1)/√2.
        let eigen = SymmetricEigen(Matrix([[2, 1], [1, 2]]))
        #expect(abs(eigen.values[0] - 3) < 1e-12)
        #expect(abs(eigen.values[1] - 1) < 1e-12)
        #expect(abs(abs(eigen.vectors[0, 0]) - 0.5.squareRoot()) < 1e-12)
        #expect(abs(eigen.vectors[0, 0] - eigen.vectors[1, 0]) < 1e-12)
    }

    @Test("the eigenvectors of a 4×4 matrix reconstruct it")
    func eigenReconstructs() {
        let a = Matrix([[4, 1, 2, 0.5], [1, 3, 0, 1], [2, 0, 5, 2], [0.5, 1, 2, 6]])
        let eigen = SymmetricEigen(a)
        for i in 0..<4 {
            for j in 0..<4 {
                var sum = 0.0
                for k in 0..<4 { sum += eigen.vectors[i, k] * eigen.values[k] * eigen.vectors[j, k] }
                #expect(abs(sum - a[i, j]) < 1e-10)
            }
        }
        #expect(eigen.values == eigen.values.sorted(by: >))
    }

    /// Reference: Fixtures/reference/pca_mall.json, scikit-learn PCA(n_components=2,
    /// svd_solver="full") of the mall Age / Income / Spending columns
    /// (bench/reference/make_profile_reference.py).
    @Test("matches scikit-learn on the mall columns, raw and standardized", arguments: ["raw", "standardized"])
    func matchesScikitLearn(variant: String) throws {
        let reference = try ReportTestSupport.reference("pca_mall.json")[variant] as! [String: Any]
        let table = try ReportTestSupport.table("mall_customers.csv")
        let columns = ["Age", "Annual Income (k$)", "Spending Score (1-100)"].map { table.columns[table.columnIndex(named: $0)!].values! }
        var data = Matrix(rows: table.rowCount, columns: 3)
        for row in 0..<table.rowCount { for column in 0..<3 { data[row, column] = columns[column][row] } }
        if variant == "standardized" { LabelledTableReport.standardize(&data) }
        let pca = PCA(fitting: data)
        let components = reference["components"] as! [[Double]]
        for component in 0..<2 {
            for feature in 0..<3 {
                #expect(abs(pca.components[component, feature] - components[component][feature]) < 1e-9)
            }
        }
        let variance = reference["explained_variance"] as! [Double]
        let ratio = reference["explained_variance_ratio"] as! [Double]
        for component in 0..<2 {
            #expect(abs(pca.explainedVariance[component] - variance[component]) < 1e-9 * variance[component])
            #expect(abs(pca.explainedVarianceRatio[component] - ratio[component]) < 1e-12)
        }
        let projected = pca.project(data)
        let expected = reference["projected_first_rows"] as! [[Double]]
        for (row, values) in expected.enumerated() {
            #expect(abs(projected[row, 0] - values[0]) < 1e-9)
            #expect(abs(projected[row, 1] - values[1]) < 1e-9)
        }
    }

    @Test("one feature projects onto a single axis")
    func singleFeature() {
        let pca = PCA(fitting: Matrix([[1], [2], [3]]))
        let projected = pca.project(Matrix([[1], [3]]))
        #expect(projected.storage == [-1, 0, 1, 0])
        #expect(pca.explainedVarianceRatio == [1])
    }
}
