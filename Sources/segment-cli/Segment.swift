import Foundation
import SegmentCore

/// The `segment` executable: finds the command, parses its arguments, runs
/// it, and maps errors to messages and exit codes (0 success, 1 data or
/// runtime failure, 2 usage error; a closed output pipe exits quietly).
@main
enum Segment {
    /// The version printed by `--version`.
    static let version = "0.4.0"

    /// Every command, in the order `segment --help` lists them.
    static let commands: [any SegmentCommand.Type] = [
        InspectCommand.self,
        ScaleCommand.self,
        ClusterCommand.self,
        ElbowCommand.self,
        ScoreCommand.self,
        AssignCommand.self,
        ProfileCommand.self,
        ExplainCommand.self,
        ReportCommand.self,
        RecommendCommand.self,
        RFMCommand.self,
        CLVCommand.self,
        HelpCommand.self,
    ]

    /// The command named `name` (or one of its aliases).
    static func command(named name: String) -> (any SegmentCommand.Type)? {
        commands.first { $0.spec.name == name || $0.spec.aliases.contains(name) }
    }

    static func main() {
        SignalHandling.install()
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// How the command line spells the library's parameter `name`: `--name`.
    static func flag(_ name: String) -> String { "--" + name }

    /// Runs one invocation and returns its exit code.
    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            Console.writeToStandardError(HelpFormatter.overview(commands: commands.map { $0.spec }, version: version) + "\n")
            return 2
        }
        switch first {
        case "--help", "-h":
            print(HelpFormatter.overview(commands: commands.map { $0.spec }, version: version))
            return 0
        case "--version", "-V":
            print("segment \(version)")
            return 0
        default:
            break
        }
        guard let command = command(named: first) else {
            let names = commands.flatMap { [$0.spec.name] + $0.spec.aliases }
            var message = "unknown command '\(first)'"
            if let near = suggestion(for: first, among: names) { message += "; did you mean '\(near)'?" }
            Console.error(message + "\nsee 'segment --help'")
            return 2
        }
        let spec = command.spec
        let console = Console()
        do {
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), for: spec)
            try command.run(parsed: parsed, console: console)
            return 0
        } catch is HelpRequested {
            print(HelpFormatter.help(for: spec))
            return 0
        } catch let error as UsageError {
            Console.writeToStandardError(usageErrorText(error, spec: spec) + "\n")
            return 2
        } catch is BrokenPipe {
            return 0
        } catch let error as ParameterError {
            Console.error(error.message.rendered(flag))
            return 2
        } catch let error as any ParameterNamingError {
            Console.error(error.text.rendered(flag))
            return 1
        } catch {
            Console.error(String(describing: error))
            return 1
        }
    }
}
