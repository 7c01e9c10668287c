import Testing
@testable import segment_cli
@testable import SegmentCore

/// Every option that names a file says whether the command reads or writes
/// it, so that `FileConflict` sees every path of a run (issue 23).
@Suite struct FileRoleTests {
    /// An option whose placeholder is a file (`FILE`, `FILE.svg`, `FILE|-`,
    /// `…|FILE`) must declare its role; no other option may.
    @Test func everyFileOptionDeclaresItsRole() {
        for command in Segment.commands {
            for option in command.spec.options {
                let namesAFile = option.valueName.map { $0.split(separator: "|").contains { $0.hasPrefix("FILE") } } ?? false
                #expect(namesAFile == (option.file != nil), "segment \(command.spec.name) \(option.longSpelling)")
            }
        }
    }

    @Test func theUsesOfARunAreItsInputsAndOutputsInOrder() throws {
        let parsed = try ArgumentParser.parse(["data.csv", "--model", "m.json", "--centers", "c.csv"], for: ClusterCommand.spec)
        #expect(parsed.fileUses == [
            FileUse("the input", path: "data.csv", .read),
            FileUse("--model", path: "m.json", .write),
            FileUse("--centers", path: "c.csv", .write),
            FileUse("-o", path: "-", .write),
        ])
        let piped = try ArgumentParser.parse(["--model", "m.json"], for: AssignCommand.spec)
        #expect(piped.fileUses == [FileUse("the input", path: "-", .read), FileUse("--model", path: "m.json", .read), FileUse("-o", path: "-", .write)])
        // recommend has no input positional: only its options name files.
        let recommend = try ArgumentParser.parse(["--purchases", "p.csv", "-o", "r.csv"], for: RecommendCommand.spec)
        #expect(recommend.fileUses == [FileUse("--purchases", path: "p.csv", .read), FileUse("-o", path: "r.csv", .write)])
    }

    /// The algorithms `cluster` can save a model for are the ones a model may name.
    @Test func savedModelsNameKnownAlgorithms() {
        for algorithm in ClusterAlgorithm.allCases {
            #expect(SegmentModel.knownAlgorithms.contains(algorithm.rawValue), "\(algorithm.rawValue)")
        }
    }
}
