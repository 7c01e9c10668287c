import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Reference files and checks shared by the report and profiling tests.
enum ReportTestSupport {
    /// The package root.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Fixtures/`.
    static func fixturePath(_ name: String) -> String {
        packageRoot.appendingPathComponent("Fixtures/" + name).path
    }

    /// A JSON reference file under `Fixtures/reference/`, parsed.
    static func reference(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath("reference/" + name)))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// A CSV fixture loaded as a table.
    static func table(_ name: String) throws -> Table {
        try TableLoader.load(.file(fixturePath(name)), dialect: .csv, threads: 1)
    }

    /// Whether `text` parses as well-formed XML; collects element names.
    static func xmlElements(_ text: String) -> [String]? {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                names.append(elementName)
            }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector.names : nil
    }

    /// Every `<svg …>…</svg>` element in `html`.
    static func svgElements(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }
}
