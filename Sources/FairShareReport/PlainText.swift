/// Free text from a scenario or a spreadsheet (a variant's description, a column header) made safe for a terminal
/// and for one line of a report: control characters (ESC sequences that clear the screen, CR and LF that forge
/// lines, C1 controls) become a space, and bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), which would reverse the text after them, are left out. Names and labels need none of this:
/// validation refuses such characters there.
public enum PlainText {
    /// `text` as one plain line.
    public static func line(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F: out.append(" ")
            case 0x202A...0x202E, 0x2066...0x2069: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
