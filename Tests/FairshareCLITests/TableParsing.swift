import Foundation

/// A table as the CLI prints it for a terminal, read back from its text: the columns are the runs of `─` in the
/// rule under the header, so that cells with blanks in them (names, wrapped headers) come out whole.
struct PrintedTable {
    /// Each column's header, its wrapped lines joined by blanks (without one after a hyphen).
    var headers: [String]
    /// The rows above the second rule, and those below it (the Region row, or rows); a line whose characters
    /// between the columns are not all blank (a note under the table) ends the table, as does a blank line.
    var rows: [[String]]
    var totals: [[String]]

    /// The table that follows the line `title` in `output`, up to the next blank line; `nil` without one.
    init?(_ output: String, after title: String) {
        let lines = output.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: title),
            let rule = lines[(start + 1)...].firstIndex(where: { $0.hasPrefix("─") })
        else { return nil }
        let spans = Self.spans(lines[rule])
        func cells(_ line: String) -> [String] {
            let characters = Array(line)
            return spans.map { span in
                guard span.lowerBound < characters.count else { return "" }
                return String(characters[span.lowerBound..<min(span.upperBound, characters.count)])
                    .trimmingCharacters(in: .whitespaces)
            }
        }
        let headerLines = lines[(start + 1)..<rule].map(cells)
        headers = spans.indices.map { column in
            headerLines.map { $0[column] }.filter { !$0.isEmpty }.reduce("") { joined, piece in
                joined.isEmpty || joined.hasSuffix("-") ? joined + piece : joined + " " + piece
            }
        }
        rows = []
        totals = []
        var belowRule = false
        for line in lines[(rule + 1)...] {
            if line.isEmpty { break }
            if line.hasPrefix("─") {
                belowRule = true
                continue
            }
            let characters = Array(line)
            let gaps = zip(spans, spans.dropFirst()).flatMap { $0.upperBound..<$1.lowerBound }
            guard gaps.allSatisfy({ $0 >= characters.count || characters[$0] == " " }) else { break }
            if belowRule { totals.append(cells(line)) } else { rows.append(cells(line)) }
        }
    }

    /// The character ranges of the runs of `─` in a rule line.
    static func spans(_ rule: String) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start: Int?
        for (offset, character) in rule.enumerated() {
            if character == "─" {
                if start == nil { start = offset }
            } else if let begun = start {
                spans.append(begun..<offset)
                start = nil
            }
        }
        if let begun = start { spans.append(begun..<rule.count) }
        return spans
    }

    /// A figure cell's whole number and whether it carries the free mark `~`: `("530", true)` → 530, true.
    static func figure(_ cell: String) -> (value: Int, free: Bool)? {
        let free = cell.hasSuffix("~")
        return Int(free ? String(cell.dropLast()) : cell).map { ($0, free) }
    }
}

/// Whether two ranges are apart (do not overlap) by more than 1e-6 relative: the test's own definition of a
/// change forced by a what-if, written independently of the report code.
func rangesDisjoint(_ a: (min: Double, max: Double), _ b: (min: Double, max: Double)) -> Bool {
    func apart(_ low: (min: Double, max: Double), _ high: (min: Double, max: Double)) -> Bool {
        high.min - low.max > 1e-6 * max(1, abs(low.max), abs(high.min))
    }
    return apart(a, b) || apart(b, a)
}
