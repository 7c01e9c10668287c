import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore

@Suite struct ParameterErrorTests {
    @Test func rendersEachReferenceAsTheReaderSpellsIt() {
        let error = ParameterError("eps", "\(parameter: "eps") must be greater than 0, got \(0.0); or set \(parameter: "min-samples")")
        #expect(error.parameter == "eps")
        #expect(error.message.rendered { "--" + $0 } == "--eps must be greater than 0, got 0.0; or set --min-samples")
        #expect(error.description == "eps must be greater than 0, got 0.0; or set min-samples")
    }

    @Test func equalTextIsEqualHoweverItWasBuilt() {
        let built: ParameterText = "a " + ParameterText("b") + "\(parameter: "k") c"
        #expect(built == "a b\(parameter: "k") c")
        #expect(built.pieces == [.text("a b"), .parameter("k"), .text(" c")])
        let nested: ParameterText = "x \(built) y"
        #expect(nested == "x a b\(parameter: "k") c y")
    }

    @Test func dataErrorsKeepTheirReferences() {
        let error = SegmentError.invalidData(file: "f.csv", line: 3, column: "b", message: "missing; see \(parameter: "missing")")
        #expect(error.text.rendered { "--" + $0 } == "f.csv:3 column 'b': missing; see --missing")
        #expect(error.description == "f.csv:3 column 'b': missing; see missing")
        #expect(SegmentError.cannotOpen(path: "p", reason: "gone").description == "cannot open 'p': gone")
    }

    @Test func columnErrorsNameTheParameter() {
        #expect(throws: ParameterError("id", "\(parameter: "id"): column 'a' is named twice")) {
            try ColumnSelection.resolve(["a", "A"], in: ["a", "b"], parameter: "id")
        }
    }
}
