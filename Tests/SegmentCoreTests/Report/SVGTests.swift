import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("SVG writer")
struct SVGTests {
    @Test("numbers use fixed decimals without trailing zeros")
    func numberFormatting() {
        #expect(DecimalText.format(12.345) == "12.35")
        #expect(DecimalText.format(12.5) == "12.5")
        #expect(DecimalText.format(-3) == "-3")
        #expect(DecimalText.format(-0.001) == "0")
        #expect(DecimalText.format(0.05, decimals: 1) == "0.1")
        #expect(DecimalText.format(1.005, decimals: 3) == "1.005")
        #expect(DecimalText.format(0.25) == "0.25")
        #expect(DecimalText.format(.nan) == "0")
        #expect(DecimalText.format(181363.59595959593) == "181363.6")
    }

    @Test("text is escaped for XML")
    func escaping() {
        #expect(MarkupEscaping.escaped("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(MarkupEscaping.escaped("bell\u{07}tab\t") == "belltab\t")
    }

    @Test("nice scales step by 1, 2 or 5 times a power of ten")
    func niceScale() {
        let scale = NiceScale(minimum: 15, maximum: 137, targetTicks: 6)
        #expect(scale.step == 20)
        #expect(scale.ticks == [0, 20, 40, 60, 80, 100, 120, 140])
        #expect(scale.decimals == 0)
        let small = NiceScale(minimum: 0.29, maximum: 0.55, targetTicks: 5)
        #expect(small.step == 0.05)
        #expect(small.ticks.map { small.label($0) } == ["0.25", "0.3", "0.35", "0.4", "0.45", "0.5", "0.55"])
        let flat = NiceScale(minimum: 3, maximum: 3)
        #expect(flat.lower < 3 && flat.upper > 3)
        let large = NiceScale(minimum: 30000, maximum: 190000, targetTicks: 5)
        #expect(large.label(50000) == "50k")
    }

    @Test("a document is well-formed XML with its title")
    func document() throws {
        var svg = SVGDocument(width: 100, height: 50, title: "A & B")
        svg.line(x1: 0, y1: 0, x2: 10.126, y2: 10, stroke: "#000", dashed: true)
        svg.text("x < y", x: 5, y: 5, anchor: .middle, rotation: -90)
        svg.marker(.triangle, x: 20, y: 20, size: 6, fill: "#0072B2")
        let text = svg.render()
        let elements = try #require(ReportTestSupport.xmlElements(text))
        #expect(elements == ["svg", "title", "rect", "line", "text", "polygon"])
        #expect(text.contains("x2=\"10.13\""))
        #expect(text.contains("<title>A &amp; B</title>"))
        #expect(text.contains("transform=\"rotate(-90 5 5)\""))
    }

    @Test("the palette is Okabe–Ito; noise is grey; shapes change after eight segments")
    func palette() {
        #expect(Palette.color(forSegment: 0) == "#0072B2")
        #expect(Palette.color(forSegment: 8) == "#0072B2")
        #expect(Palette.color(forSegment: -1) == Palette.muted)
        #expect(Palette.marker(forSegment: 7) == .circle)
        #expect(Palette.marker(forSegment: 8) == .square)
        #expect(Set(Palette.colors).count == 8)
    }
}
