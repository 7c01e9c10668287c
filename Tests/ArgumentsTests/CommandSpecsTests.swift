import Testing
@testable import segment_cli

/// Checks over every real command's declaration.
@Suite struct CommandSpecsTests {
    /// A default is returned as the option's value when the option is absent,
    /// so it must be a literal value (a number, a word, a choice); computed
    /// defaults belong in `defaultDescription`, which help shows instead.
    @Test func defaultsAreLiteralValues() {
        for command in Segment.commands {
            for option in command.spec.options {
                guard let value = option.defaultValue else { continue }
                if let choices = option.choices {
                    #expect(choices.contains(value), "\(command.spec.name) --\(option.name)")
                } else if option.valueName != "TEXT" {
                    #expect(!value.contains(" "), "\(command.spec.name) --\(option.name) default '\(value)' reads like a description")
                }
            }
        }
    }

    @Test func everyCommandHasAnExample() {
        for command in Segment.commands where command.spec.name != "help" {
            #expect(!command.spec.examples.isEmpty, "\(command.spec.name)")
        }
    }
}
