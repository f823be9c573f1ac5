/// Text from a scenario (its name, a municipality's name, a label, a variant's description) made safe for a
/// Markdown report, so that it reads as the same text in every renderer and can never become markup: `&`, `<`
/// and `>` become HTML entities (no `<script>`, no raw HTML), and the characters that Markdown reads as
/// formatting — the backslash, the backtick, `*`, `_`, `[`, `]`, `|`, `~` and `#` — are escaped with a backslash
/// (no emphasis, no link, no code span, no extra table column, no heading). The text is first made one plain line (``PlainText``), so it
/// cannot start a block of its own.
///
/// Applied to every table cell and header (``TextTable/markdown()``) and to every name, label and description
/// the reports put into a heading or a list item. The report's own markup (headings, `**run**`, code spans
/// around JSON paths) is written around the escaped text, never through it.
public enum MarkdownText {
    /// `text` escaped for Markdown, as one line.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in PlainText.line(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#":
                out.append("\\")
                out.append(character)
            default: out.append(character)
            }
        }
        return out
    }
}
