import Testing
@testable import segment_cli

/// Help screens: content, alignment and wrapping.
@Suite struct HelpFormatterTests {
    let help = HelpFormatter.help(for: TestSpecs.cluster)

    @Test func listsEveryOptionWithItsDefault() {
        for option in TestSpecs.cluster.options {
            #expect(help.contains("--\(option.name)"), "missing --\(option.name)")
            if let value = option.defaultValue {
                #expect(help.contains("(default: \(value))"), "missing default of --\(option.name)")
            }
        }
        #expect(help.contains("-h, --help"))
    }

    @Test func showsUsageAbstractDiscussionChoicesAndExamples() {
        #expect(help.hasPrefix("USAGE: segment cluster [options] [FILE]\n\nAssign every row to a segment.\n\n"))
        #expect(help.contains("Segment ids are 0..k-1, numbered by decreasing size."))
        #expect(help.contains("-a, --algorithm NAME"))
        #expect(help.contains("-o, --output FILE"))
        #expect(help.contains("-q, --quiet "))
        #expect(help.contains("(repeatable)"))
        let oneOf = help.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(oneOf.contains("(one of: kmeans, agglomerative, dbscan, birch, minibatch-kmeans)"))
        #expect(help.hasSuffix("EXAMPLES:\n  segment cluster data.csv --k 5\n  segment cluster data.csv --algorithm dbscan"))
    }

    @Test func optionRowsAreAlignedAndWrappedTo80Columns() {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 })
        let optionLines = lines.drop { $0 != "OPTIONS:" }.dropFirst().prefix { !$0.isEmpty }
        // A help text starts after the first run of two spaces that follows the label.
        let helpColumns = Set(optionLines.compactMap { line -> Int? in
            let text = Array(line)
            let labelStart = text.firstIndex { $0 != " " } ?? 0
            guard let gap = (labelStart..<text.count - 1).first(where: { text[$0] == " " && text[$0 + 1] == " " })
            else { return labelStart }  // a continuation line: all text is help
            return text[gap...].firstIndex { $0 != " " }
        })
        #expect(helpColumns.count == 1, "help texts start at columns \(helpColumns)")
    }

    @Test func exactLayoutOfASmallCommand() {
        let spec = CommandSpec(
            name: "inspect", aliases: ["describe"], abstract: "Schema and summary.",
            usage: "segment inspect [options] [FILE]",
            options: [
                OptionSpec("format", value: "FORMAT", help: "Output format.", default: "table",
                           choices: ["table", "csv", "json"]),
                OptionSpec("quiet", short: "q", help: "Print only errors."),
            ],
            examples: ["segment inspect data.csv"])
        #expect(HelpFormatter.help(for: spec, programName: "seg") == """
            USAGE: seg inspect [options] [FILE]

            Schema and summary.

            ALIASES: describe

            OPTIONS:
                  --format FORMAT  Output format. (one of: table, csv, json)
                                   (default: table)
              -q, --quiet          Print only errors.
              -h, --help           Show help information.

            EXAMPLES:
              seg inspect data.csv
            """)
    }

    @Test func longLabelsPutTheirHelpOnTheNextLine() {
        let spec = CommandSpec(
            name: "rfm", abstract: "RFM.", usage: "segment rfm [FILE]",
            options: [OptionSpec("a-very-long-option-name", value: "COLUMN", help: "Help text.")],
            examples: [])
        let text = HelpFormatter.help(for: spec)
        #expect(text.contains("      --a-very-long-option-name COLUMN\n                              Help text."))
    }

    @Test func wrapsDiscussionKeepsIndentedLinesAndParagraphs() {
        let words = Array(repeating: "word", count: 40).joined(separator: " ")
        let lines = TextWrapping.paragraphs("\(words)\n\n  segment cluster --k 3\nnext", width: 80)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains(""))
        #expect(lines.contains("  segment cluster --k 3"))
        #expect(lines.last == "next")
    }

    @Test func overviewListsCommandsAliasesAndHelpPointer() {
        var elbow = TestSpecs.cluster
        elbow.name = "elbow"
        elbow.aliases = ["select-k"]
        elbow.abstract = "Run k-means for every k in a range."
        let text = HelpFormatter.overview(commands: [TestSpecs.cluster, elbow, TestSpecs.recommend], version: "1.2.3")
        #expect(text.hasPrefix("OVERVIEW: segment 1.2.3"))
        #expect(text.contains("  cluster          Assign every row to a segment.\n"))
        #expect(text.contains("  elbow, select-k  Run k-means for every k in a range.\n"))
        #expect(text.contains("  recommend        Top-N items per customer.\n"))
        #expect(text.contains("segment help <command>"))
        #expect(text.contains("--version"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
