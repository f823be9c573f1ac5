/// Estimates of how wide text renders, so labels can be placed without overlapping. The widths are those of
/// DejaVu Sans, the widest font in ``SVGDocument/fontFamily``, so estimates err on the side of room.
enum TextMetrics {
    /// Advance widths of ASCII 32…126 in thousandths of an em (DejaVu Sans).
    private static let ascii: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,  // space … /
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,  // 0 … ?
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,  // @ … O
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,  // P … _
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,  // ` … o
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,  // p … ~
    ]

    /// The estimated width in pixels of `text` at `size` pixels.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 32...126: thousandths += ascii[Int(value) - 32]
            case 0x300...0x36F, 0x200B...0x200F: break  // combining marks, zero-width characters
            case 0x2212, 0x2192: thousandths += 838  // minus sign, arrow
            case 0x2026, 0x2014: thousandths += 1000  // ellipsis, em dash
            case 0x2013: thousandths += 500
            case ..<0x2E80: thousandths += 660  // accented Latin, Greek, Cyrillic, …
            default: thousandths += 1000  // CJK, emoji
            }
        }
        return Double(thousandths) / 1000 * size * (bold ? 1.14 : 1)
    }

    /// `text` cut at a character boundary and ended with "…" so that it is at most `maxWidth` pixels wide.
    static func truncated(_ text: String, size: Double, maxWidth: Double, bold: Bool = false) -> String {
        if width(text, size: size, bold: bold) <= maxWidth { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces() + "…"
            if width(candidate, size: size, bold: bold) <= maxWidth { return candidate }
        }
        return "…"
    }

    /// `text` broken into at most `maxLines` lines of at most `maxWidth` pixels, breaking after spaces and
    /// hyphens; nil when it does not fit.
    static func wrapped(_ text: String, size: Double, maxWidth: Double, maxLines: Int, bold: Bool = false)
        -> [String]?
    {
        var tokens: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == " " || character == "-" || character == "/" {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var lines: [String] = []
        var line = ""
        for token in tokens {
            let candidate = line + token
            if line.isEmpty || width(candidate.trimmingTrailingSpaces(), size: size, bold: bold) <= maxWidth {
                line = candidate
            } else {
                lines.append(line.trimmingTrailingSpaces())
                line = token
            }
        }
        if !line.isEmpty { lines.append(line.trimmingTrailingSpaces()) }
        if lines.count > maxLines || lines.contains(where: { width($0, size: size, bold: bold) > maxWidth }) {
            return nil
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Like ``wrapped(_:size:maxWidth:maxLines:bold:)``, but always succeeds: the last line is truncated.
    static func wrappedOrTruncated(_ text: String, size: Double, maxWidth: Double, maxLines: Int, bold: Bool = false)
        -> [String]
    {
        if let lines = wrapped(text, size: size, maxWidth: maxWidth, maxLines: maxLines, bold: bold) { return lines }
        for count in stride(from: maxLines - 1, through: 1, by: -1) {
            // Find a prefix of words that wraps into `count` lines; the rest goes, truncated, on the last line.
            let words = text.split(separator: " ", omittingEmptySubsequences: false)
            for taken in stride(from: words.count - 1, through: 1, by: -1) {
                let head = words[..<taken].joined(separator: " ")
                if let lines = wrapped(head, size: size, maxWidth: maxWidth, maxLines: count, bold: bold),
                    lines.count == count
                {
                    let rest = words[taken...].joined(separator: " ")
                    return lines + [truncated(rest, size: size, maxWidth: maxWidth, bold: bold)]
                }
            }
        }
        return [truncated(text, size: size, maxWidth: maxWidth, bold: bold)]
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
