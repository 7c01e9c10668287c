/// Input text quoted in error messages, kept short: a 1 MB cell must not
/// become a 1 MB message.
public enum MessageText {
    /// The longest text quoted in full, in characters.
    public static let longestQuoted = 60

    /// `text` in single quotes; longer text is cut to its first
    /// `longestQuoted` characters, followed by `…` and its total length.
    public static func quoted(_ text: String) -> String {
        let count = text.count
        guard count > longestQuoted else { return "'\(text)'" }
        return "'\(text.prefix(longestQuoted))…' (\(count) characters)"
    }

    /// The UTF-8 cell `bytes` quoted as `quoted(_:)` does.
    public static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        quoted(String(decoding: bytes, as: UTF8.self))
    }
}
