import FairShareEngine
import FairShareScenario

/// The words for an infeasible scenario: which requirements to relax and by how much.
public struct DiagnosisReport: Sendable {
    public let diagnosis: Diagnosis

    public init(_ diagnosis: Diagnosis) {
        self.diagnosis = diagnosis
    }

    /// The lines of the diagnosis, for a terminal or a note.
    public var lines: [String] {
        guard !diagnosis.changes.isEmpty else {
            return [
                "No single set of requirement changes could be found that makes the scenario solvable"
                    + (diagnosis.unavailable.map { ": \($0)." } ?? ".")
            ]
        }
        var lines = ["The hard requirements cannot all hold. The smallest change that makes the scenario solvable:"]
        lines += diagnosis.changes.map { "  \($0)" }
        lines.append(
            diagnosis.verified
                ? "Checked: the scenario with these changes solves."
                : "Not confirmed: the scenario with these changes still did not solve; relax a little further.")
        lines.append(
            "As a variant patch: "
                + JSONWriter.text(diagnosis.patch).split(separator: "\n")
                .map { $0.trimmingPrefix(while: { $0 == " " }) }.joined(separator: " "))
        return lines
    }

    public func text() -> String { lines.joined(separator: "\n") + "\n" }

    public func markdown() -> String {
        guard !diagnosis.changes.isEmpty else { return MarkdownText.escaped(lines[0]) + "\n" }
        var out = "The hard requirements cannot all hold. The smallest change that makes the scenario solvable:\n\n"
        out += diagnosis.changes.map {
            "- `\($0.requirement.path)`: "
                + MarkdownText.escaped(String($0.description.drop { $0 != ":" }.dropFirst(2)))
        }
        .joined(separator: "\n")
        out +=
            "\n\n"
            + (diagnosis.verified
                ? "Checked: the scenario with these changes solves."
                : "Not confirmed: the scenario with these changes still did not solve.") + "\n"
        return out
    }
}

extension Substring {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self.drop(while: predicate)
    }
}
