/// Greedy word wrapping for help screens.
enum TextWrapping {
    /// Packs `words` into lines of at most `width` characters, joined by single spaces.
    ///
    /// A word is never split, so one longer than `width` gets a line of its own;
    /// a "word" may contain spaces, which keeps phrases like `(default: all cores)` together.
    static func lines(of words: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words where !word.isEmpty {
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Wraps prose: paragraphs split at blank lines are reflowed to `width`;
    /// lines that start with a space (tables, commands) are kept verbatim.
    static func paragraphs(_ text: String, width: Int) -> [String] {
        var output: [String] = []
        var words: [String] = []
        /// Moves the collected words of a paragraph into `output`, wrapped.
        func flush() {
            output += lines(of: words, width: width)
            words = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                flush()
                if output.last.map({ !$0.isEmpty }) ?? false { output.append("") }
            } else if line.first == " " {
                flush()
                output.append(String(line))
            } else {
                words += line.split(separator: " ").map(String.init)
            }
        }
        flush()
        while output.last == "" { output.removeLast() }
        return output
    }
}
