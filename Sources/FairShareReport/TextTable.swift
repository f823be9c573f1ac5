/// A table of text cells that renders for a terminal (aligned columns) or as Markdown.
public struct TextTable: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, right }

    /// The width a terminal table aims for (characters): wider tables wrap their headers.
    public static let defaultWidth = 100

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// Rows after which a rule is drawn (terminal only), e.g. before a total row.
    public var rulesBefore: Set<Int> = []

    public init(headers: [String], alignments: [Alignment], rows: [[String]] = []) {
        self.headers = headers
        self.alignments = alignments
        self.rows = rows
    }

    /// Aligned columns separated by two spaces, a rule under the header; no trailing spaces.
    ///
    /// When the table is wider than `width` characters, headers wrap at blanks and after hyphens (widest
    /// column first, bottom-aligned) until it fits or no header can wrap further; cells never wrap.
    public func text(width: Int = TextTable.defaultWidth) -> String {
        let headerLines = fittedHeaders(width: width)
        let widths = headers.indices.map { column in
            (headerLines[column] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return alignments[column] == .left ? cell + padding : padding + cell
            }
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        let height = headerLines.map(\.count).max() ?? 1
        var lines: [String] = (0..<height).map { index in
            line(
                headerLines.map { lines in
                    let offset = height - lines.count
                    return index >= offset ? lines[index - offset] : ""
                })
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        lines.append(rule)
        for (index, row) in rows.enumerated() {
            if rulesBefore.contains(index) { lines.append(rule) }
            lines.append(line(row))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table. Every header and cell is text, never markup: ``MarkdownText/escaped(_:)``
    /// escapes pipes (which would add a column), tildes (strikethrough on GitHub), HTML and the other formatting
    /// characters.
    public func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(MarkdownText.escaped).joined(separator: " | ") + " |"
        }
        let rule = "|" + alignments.map { $0 == .left ? " --- |" : " ---: |" }.joined()
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// Each header as one or more lines, wrapped until the table is at most `width` characters wide.
    private func fittedHeaders(width: Int) -> [[String]] {
        let cellWidths = headers.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = headers.map { [$0] }
        func columnWidth(_ column: Int) -> Int { max(cellWidths[column], lines[column].map(\.count).max() ?? 0) }
        func tableWidth() -> Int { headers.indices.map(columnWidth).reduce(0, +) + 2 * max(0, headers.count - 1) }
        var fixed: Set<Int> = []
        while tableWidth() > width {
            // The widest column whose header still sets its width and can wrap narrower.
            let candidates = headers.indices.filter { !fixed.contains($0) && columnWidth($0) > cellWidths[$0] }
            guard let column = candidates.max(by: { columnWidth($0) < columnWidth($1) }) else { break }
            let current = columnWidth(column)
            let wrapped = Self.wrap(headers[column], width: max(cellWidths[column], current - 1))
            if (wrapped.map(\.count).max() ?? 0) < current {
                lines[column] = wrapped
            } else {
                fixed.insert(column)
            }
        }
        return lines
    }

    /// `text` in lines of at most `width` characters, broken at blanks and (if `atHyphens`) after hyphens; a piece
    /// longer than `width` stays whole.
    static func wrap(_ text: String, width: Int, atHyphens: Bool = true) -> [String] {
        var pieces: [String] = []
        var piece = ""
        for character in text {
            if character == " " {
                if !piece.isEmpty { pieces.append(piece) }
                piece = ""
            } else {
                piece.append(character)
                if character == "-" && atHyphens {
                    pieces.append(piece)
                    piece = ""
                }
            }
        }
        if !piece.isEmpty { pieces.append(piece) }
        var lines: [String] = []
        var current = ""
        for piece in pieces {
            if current.isEmpty {
                current = piece
                continue
            }
            let joined = current.hasSuffix("-") ? current + piece : current + " " + piece
            if joined.count <= width {
                current = joined
            } else {
                lines.append(current)
                current = piece
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
