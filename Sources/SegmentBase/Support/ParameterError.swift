/// A parameter value that cannot work, such as `k` larger than the number of
/// rows or a feature name the table lacks: the caller fixes it by changing
/// the parameter, not the data.
///
/// The message names parameters in the library's own terms
/// (`\(parameter: "eps")`); whoever shows it decides how a parameter is
/// spelt — the command line renders `eps` as `--eps`, a Swift caller sees
/// the plain name.
public struct ParameterError: Error, Equatable, CustomStringConvertible {
    /// The parameter at fault.
    public let parameter: String
    /// What is wrong and how to fix it.
    public let message: ParameterText

    /// An error about `parameter`.
    public init(_ parameter: String, _ message: ParameterText) {
        self.parameter = parameter
        self.message = message
    }

    /// The message with parameters spelt by their plain names.
    public var description: String { message.rendered { $0 } }
}

/// Text that refers to parameters by name, rendered with each reference
/// spelt as the reader knows it (see `ParameterError`).
public struct ParameterText: Equatable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// One piece of the text.
    public enum Piece: Equatable, Sendable {
        /// Literal text.
        case text(String)
        /// A reference to the parameter of this name.
        case parameter(String)
    }

    /// The pieces in order.
    public private(set) var pieces: [Piece]

    /// Text without parameter references.
    public init(stringLiteral value: String) {
        pieces = value.isEmpty ? [] : [.text(value)]
    }

    /// `text` verbatim, without parameter references.
    public init(_ text: String) {
        self.init(stringLiteral: text)
    }

    /// Text built by interpolation.
    public init(stringInterpolation: Interpolation) {
        pieces = stringInterpolation.pieces
    }

    /// The text with each parameter reference spelt by `spell`.
    public func rendered(_ spell: (String) -> String) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .parameter(let name): return spell(name)
            }
        }.joined()
    }

    /// The text with parameters spelt by their plain names.
    public var description: String { rendered { $0 } }

    /// `left` followed by `right`.
    public static func + (left: ParameterText, right: ParameterText) -> ParameterText {
        var result = left
        for piece in right.pieces {
            switch piece {
            case .text(let text): result.appendText(text)
            case .parameter: result.pieces.append(piece)
            }
        }
        return result
    }

    /// Appends `right` to `left`.
    public static func += (left: inout ParameterText, right: ParameterText) {
        left = left + right
    }

    /// Appends `text`, merged with text before it (see `Interpolation`).
    mutating func appendText(_ text: String) {
        Self.append(text, to: &pieces)
    }

    /// Appends `text` to `pieces`, merged with text before it so that equal
    /// messages have equal pieces however they were built.
    static func append(_ text: String, to pieces: inout [Piece]) {
        guard !text.isEmpty else { return }
        if case .text(let before)? = pieces.last {
            pieces[pieces.count - 1] = .text(before + text)
        } else {
            pieces.append(.text(text))
        }
    }

    /// Builds `ParameterText`: `"\(parameter: "k") must be at least 1"`.
    public struct Interpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []

        /// Room for `literalCapacity` characters and `interpolationCount` values.
        public init(literalCapacity: Int, interpolationCount: Int) {
            pieces.reserveCapacity(2 * interpolationCount + 1)
        }

        /// Literal text.
        public mutating func appendLiteral(_ literal: String) {
            appendText(literal)
        }

        /// A reference to the parameter `name`.
        public mutating func appendInterpolation(parameter name: String) {
            pieces.append(.parameter(name))
        }

        /// Other text, its parameter references kept.
        public mutating func appendInterpolation(_ text: ParameterText) {
            for piece in text.pieces {
                switch piece {
                case .text(let text): appendText(text)
                case .parameter: pieces.append(piece)
                }
            }
        }

        /// Any other value, as `String(describing:)` gives it.
        public mutating func appendInterpolation<Value>(_ value: Value) {
            appendText(String(describing: value))
        }

        /// Appends text, merged with text before it (`ParameterText.append`).
        mutating func appendText(_ text: String) {
            ParameterText.append(text, to: &pieces)
        }
    }
}

/// An error whose text may refer to parameters (`ParameterText`), so that
/// whoever shows it spells them as its reader knows them; `description`
/// spells them by their plain names.
public protocol ParameterNamingError: Error, CustomStringConvertible {
    /// What went wrong, with parameter references left for the reader to spell.
    var text: ParameterText { get }
}

extension ParameterNamingError {
    /// The text with parameters spelt by their plain names.
    public var description: String { text.rendered { $0 } }
}
