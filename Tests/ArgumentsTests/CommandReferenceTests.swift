import Foundation
import Testing
@testable import segment_cli

/// `docs/CLI.md`, the command reference users read, against the options the
/// commands declare: every declared option is documented in its command's
/// section, and the section's option rows name no option the command lacks.
@Suite struct CommandReferenceTests {
    /// The sections of docs/CLI.md by command name (`## \`segment NAME …`).
    static func sections() throws -> [String: String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/CLI.md"), encoding: .utf8)
        var sections: [String: String] = [:]
        for part in text.components(separatedBy: "\n## `segment ").dropFirst() {
            let name = String(part.prefix { $0 != " " && $0 != "`" })
            sections[name] = part
        }
        return sections
    }

    /// The `--name` spellings a section mentions.
    static func options(in section: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "`--([a-z][a-z0-9-]*)")
        let range = NSRange(section.startIndex..., in: section)
        return Set(pattern.matches(in: section, range: range).compactMap { Range($0.range(at: 1), in: section).map { String(section[$0]) } })
    }

    @Test func everyDeclaredOptionIsDocumented() throws {
        let sections = try Self.sections()
        for command in Segment.commands where command.spec.name != "help" {
            let spec = command.spec
            let section = try #require(sections[spec.name], "docs/CLI.md has no section for segment \(spec.name)")
            let documented = Self.options(in: section)
            // Option rows of the section's tables (prose may mention other commands' options).
            let rows = Self.options(in: section.split(separator: "\n").filter { $0.hasPrefix("| `--") || $0.hasPrefix("| `-") }.joined(separator: "\n"))
            let declared = Set(spec.options.map(\.name))
            #expect(!rows.isEmpty, "segment \(spec.name): the section has no option rows")
            #expect(declared.subtracting(documented).isEmpty, "segment \(spec.name): undocumented \(declared.subtracting(documented).sorted())")
            #expect(rows.subtracting(declared).subtracting(["help", "version"]).isEmpty,
                    "segment \(spec.name): documented but not declared \(rows.subtracting(declared).sorted())")
        }
    }
}
