import Foundation
import Testing

@Suite("--version and --help")
struct HelpTests {
    @Test("--version prints a version number on stdout")
    func version() throws {
        let output = try fairshare(["--version"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let parts = output.stdout.trimmingCharacters(in: .newlines).split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "\(output.stdout)")
    }

    @Test("--help lists every subcommand with an example of each")
    func rootHelp() throws {
        let output = try fairshare(["--help"])
        #expect(output.status == 0)
        for command in ["solve", "validate", "compare", "export", "schema", "report"] {
            #expect(output.stdout.contains("\n  \(command) "), "\(command) missing from the list")
            #expect(output.stdout.contains("\n  fairshare \(command) "), "no example of \(command)")
        }
        #expect(output.stdout.contains("Exit status: 0 optimal"))
    }

    @Test(
        "each subcommand's help has examples that fit an 80-column terminal unbroken",
        arguments: ["solve", "validate", "compare", "explain", "sweep", "export", "schema", "report"])
    func subcommandHelp(_ command: String) throws {
        let output = try fairshare([command, "--help"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let lines = output.stdout.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "Examples:"), "no examples for \(command)")
        let examples = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(examples.contains { $0.hasPrefix("  fairshare \(command) ") })
        // A wrapped example would continue on a line that does not start with a command.
        for line in examples {
            #expect(line.hasPrefix("  fairshare ") || line.hasPrefix("  glpsol "), "wrapped example: \(line)")
        }
    }
}
