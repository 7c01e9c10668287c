import Foundation
import SegmentCore

/// Diagnostics on standard error: summaries and warnings (silenced by
/// `--quiet`), errors (always shown).
struct Console: Sendable {
    /// Whether `--quiet` was given.
    var quiet = false

    /// Prints a summary or progress line unless quiet.
    func info(_ message: String) {
        if !quiet { Console.writeToStandardError(message + "\n") }
    }

    /// Prints a warning unless quiet.
    func warning(_ message: String) {
        if !quiet { Console.writeToStandardError("segment: warning: " + message + "\n") }
    }

    /// Prints an error (never silenced).
    static func error(_ message: String) {
        writeToStandardError("segment: error: " + message + "\n")
    }

    /// Writes text to file descriptor 2 unbuffered.
    static func writeToStandardError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }

    /// Whether standard output is a terminal.
    static var standardOutputIsTerminal: Bool { isatty(1) != 0 }
    /// Whether standard input is a terminal.
    static var standardInputIsTerminal: Bool { isatty(0) != 0 }
    /// Whether standard error is a terminal (progress is shown only then).
    static var standardErrorIsTerminal: Bool { isatty(2) != 0 }
}
