/// A strict JSON (RFC 8259) parser that reports where a document goes wrong.
///
/// Beyond the RFC it rejects what a scenario file must not contain: a member name that appears twice in one
/// object (parsers differ on which one wins, so fairshare refuses to guess), numbers that overflow to infinity
/// (`1e999`), and nesting deeper than ``maximumDepth``.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted (a scenario needs about 6). Values above
    /// ``depthCeiling`` count as ``depthCeiling``.
    public var maximumDepth: Int

    /// The deepest nesting any parser accepts, whatever ``maximumDepth`` says. The parser itself needs no stack
    /// per level, but comparing, hashing, patching, freeing and encoding a document (Foundation's `JSONEncoder`
    /// most: about 3 KB per level) recurse once per level, and a deeper document could overflow a thread's
    /// stack — a crash no `catch` can stop. At 128 levels all of them fit in 512 KB (the smallest default stack,
    /// a secondary thread on macOS), measured in a debug build.
    public static let depthCeiling = 128

    public init(maximumDepth: Int = 64) {
        self.maximumDepth = maximumDepth
    }

    /// Why a document is not acceptable JSON, and where.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        /// 1-based line and column (in characters of the line) where the problem was found.
        public let line: Int
        public let column: Int
        /// The JSON path of the value being read when the problem was found (`""` for the top level).
        public let path: JSONPath
        public let message: String

        public var description: String {
            "line \(line), column \(column)\(path.isEmpty ? "" : " (at \(path))"): \(message)"
        }
    }

    /// Parses a whole document: exactly one JSON value, optionally surrounded by whitespace.
    public func parse(_ bytes: some Collection<UInt8>) throws(SyntaxError) -> JSONValue {
        var reader = Reader(bytes: Array(bytes), maximumDepth: min(maximumDepth, Self.depthCeiling))
        return try reader.document()
    }

    /// Whether `bytes` are UTF-16 text: a byte order mark (FF FE or FE FF), or a zero byte among the first two
    /// (ASCII in UTF-16). Scenario files in any format must be UTF-8.
    public static func isUTF16(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || (bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0))
    }

    /// What to do about a UTF-16 file.
    public static let utf16Message =
        "the file is UTF-16 (Notepad's \"Unicode\", Excel's \"Unicode text\"); save it as UTF-8"

    /// Parses a document given as text.
    public func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

private struct Reader {
    let bytes: [UInt8]
    let maximumDepth: Int
    var offset = 0
    var path: [JSONPath.Component] = []

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func document() throws(JSONParser.SyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }  // a UTF-8 byte order mark, as Excel writes
        if isUTF16 { throw error(JSONParser.utf16Message) }
        skipWhitespace()
        if offset == bytes.count {
            throw error(
                bytes.isEmpty
                    ? "the file is empty; expected a JSON object"
                    : "expected a JSON value, found "
                        + "only whitespace")
        }
        let result = try value()
        skipWhitespace()
        if offset < bytes.count { throw error("unexpected \(found()) after the end of the JSON document") }
        return result
    }

    var depthMessage: String {
        "nesting deeper than \(maximumDepth) levels (ScenarioLimits.maximumDepth; a scenario needs about 8)"
    }

    /// An object being read: its members so far, their names, and the name of the member being read.
    struct OpenObject {
        var members: [(key: String, value: JSONValue)] = []
        var seen: Set<String> = []
        var key = ""
    }

    /// Reads one value. Iterative, not recursive: the open arrays and objects live on the heap, so the depth of a
    /// document never costs stack (a recursive reader needs kilobytes of stack per level in debug builds; a
    /// thread of 512 KB overflowed at about 130 levels). Members are appended in place (never copied), so an
    /// object of 100,000 members takes linear time.
    mutating func value() throws(JSONParser.SyntaxError) -> JSONValue {
        var isObject: [Bool] = []  // the open containers, innermost last
        var arrays: [[JSONValue]] = []
        var objects: [OpenObject] = []
        while true {
            // Read the start of a value: a scalar completes it, an opening bracket opens a container.
            var value: JSONValue
            guard offset < bytes.count else { throw error("unexpected end of file; expected a value") }
            switch bytes[offset] {
            case UInt8(ascii: "{"):
                if isObject.count + 1 > maximumDepth { throw error(depthMessage) }
                offset += 1
                skipWhitespace()
                if peek(UInt8(ascii: "}")) {
                    offset += 1
                    value = .object(JSONObject())
                } else {
                    var object = OpenObject()
                    object.key = try memberName(&object.seen)
                    path.append(.member(object.key))
                    objects.append(object)
                    isObject.append(true)
                    continue
                }
            case UInt8(ascii: "["):
                if isObject.count + 1 > maximumDepth { throw error(depthMessage) }
                offset += 1
                skipWhitespace()
                if peek(UInt8(ascii: "]")) {
                    offset += 1
                    value = .array([])
                } else {
                    path.append(.index(0))
                    arrays.append([])
                    isObject.append(false)
                    continue
                }
            case UInt8(ascii: "\""): value = .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try number())
            case UInt8(ascii: "N"), UInt8(ascii: "I"):
                throw error("NaN and Infinity are not JSON numbers; every number must be finite")
            default:
                throw error(
                    "unexpected \(found()); expected a value (object, array, string, number, true, "
                        + "false or null)")
            }
            // A value is complete: add it to the innermost open container, closing every container that ends
            // here, until one continues with another member (read next) or none is left (the document's value).
            closing: while let innermostIsObject = isObject.last {
                skipWhitespace()
                // At the member's own path: `"share": 0,6667` is a decimal comma, not the next member.
                if innermostIsObject, case .number = value, peek(UInt8(ascii: ",")), let decimal = decimalComma() {
                    throw error(decimal)
                }
                path.removeLast()
                if innermostIsObject {
                    let last = objects.count - 1
                    objects[last].members.append((objects[last].key, value))
                    if peek(UInt8(ascii: ",")) {
                        offset += 1
                        skipWhitespace()
                        if peek(UInt8(ascii: "}")) { throw error("trailing comma before '}'") }
                        let next = try memberName(&objects[last].seen)
                        objects[last].key = next
                        path.append(.member(objects[last].key))
                        break closing
                    } else if peek(UInt8(ascii: "}")) {
                        offset += 1
                        value = .object(JSONObject(objects.removeLast().members))
                        isObject.removeLast()
                    } else {
                        throw error("expected ',' or '}' in an object, found \(found())")
                    }
                } else {
                    let last = arrays.count - 1
                    arrays[last].append(value)
                    if peek(UInt8(ascii: ",")) {
                        offset += 1
                        skipWhitespace()
                        if peek(UInt8(ascii: "]")) { throw error("trailing comma before ']'") }
                        path.append(.index(arrays[last].count))
                        break closing
                    } else if peek(UInt8(ascii: "]")) {
                        offset += 1
                        value = .array(arrays.removeLast())
                        isObject.removeLast()
                    } else {
                        throw error("expected ',' or ']' in an array, found \(found())")
                    }
                }
            }
            if isObject.isEmpty { return value }
        }
    }

    /// Reads `"name" :` and the whitespace after it; a name already in `seen` is an error.
    mutating func memberName(_ seen: inout Set<String>) throws(JSONParser.SyntaxError) -> String {
        skipWhitespace()
        guard peek(UInt8(ascii: "\"")) else { throw error("expected a member name in double quotes, found \(found())") }
        let keyStart = offset
        let key = try string()
        if !seen.insert(key).inserted {
            offset = keyStart
            let shown = key.count > 80 ? key.prefix(80) + "…" : Substring(key)
            throw error("duplicate key \"\(shown)\" in one object; each name may appear only once")
        }
        skipWhitespace()
        guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after the member name, found \(found())") }
        offset += 1
        skipWhitespace()
        return key
    }

    mutating func string() throws(JSONParser.SyntaxError) -> String {
        offset += 1  // opening quote
        var chunkStart = offset
        var text = ""
        while true {
            guard offset < bytes.count else { throw error("unterminated string") }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                try appendChunk(chunkStart, to: &text)
                offset += 1
                return text
            }
            if byte < 0x20 {
                throw error("control character U+\(hex(UInt32(byte))) inside a string; escape it (\\n, \\t, \\u00XX)")
            }
            if byte == UInt8(ascii: "\\") {
                try appendChunk(chunkStart, to: &text)
                offset += 1
                guard offset < bytes.count else { throw error("unterminated escape sequence") }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""): text.append("\"")
                case UInt8(ascii: "\\"): text.append("\\")
                case UInt8(ascii: "/"): text.append("/")
                case UInt8(ascii: "b"): text.append("\u{08}")
                case UInt8(ascii: "f"): text.append("\u{0C}")
                case UInt8(ascii: "n"): text.append("\n")
                case UInt8(ascii: "r"): text.append("\r")
                case UInt8(ascii: "t"): text.append("\t")
                case UInt8(ascii: "u"): text.unicodeScalars.append(try unicodeEscape())
                default:
                    offset -= 1
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
                }
                chunkStart = offset
                continue
            }
            offset += 1
        }
    }

    mutating func appendChunk(_ start: Int, to text: inout String) throws(JSONParser.SyntaxError) {
        guard start < offset else { return }
        guard let chunk = String(validating: bytes[start..<offset], as: UTF8.self) else {
            offset = start
            throw error("invalid UTF-8 in a string; save the file as UTF-8")
        }
        text += chunk
    }

    mutating func unicodeEscape() throws(JSONParser.SyntaxError) -> Unicode.Scalar {
        let high = try hexQuad()
        if (0xD800...0xDBFF).contains(high) {
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate \\u\(hex(high)) in a string") }
            offset += 2
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair in a string") }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            if let scalar = Unicode.Scalar(value) { return scalar }
        } else if let scalar = Unicode.Scalar(high) {
            return scalar
        }
        throw error("unpaired surrogate \\u\(hex(high)) in a string")
    }

    mutating func hexQuad() throws(JSONParser.SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard offset < bytes.count, let digit = hexDigit(bytes[offset]) else {
                throw error("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            offset += 1
        }
        return value
    }

    mutating func number() throws(JSONParser.SyntaxError) -> Double {
        let start = offset
        if peek(UInt8(ascii: "-")) { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("expected a digit in a number") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, isDigit(bytes[offset]) { throw error("numbers may not have leading zeros") }
        } else {
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if peek(UInt8(ascii: ".")) {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else {
                throw error("expected a digit after the decimal point (use '.' as the decimal separator)")
            }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            offset += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { offset += 1 }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("expected a digit in the exponent") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            offset = start
            throw error("the number \(text.prefix(40)) is too large; every number must be finite")
        }
        return value
    }

    mutating func literal(_ word: String) throws(JSONParser.SyntaxError) {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw error("unexpected \(found()); expected a value (did you mean \(word)?)")
        }
        offset += expected.count
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    func peek(_ byte: UInt8) -> Bool { offset < bytes.count && bytes[offset] == byte }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A readable description of what is at the current offset.
    func found() -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    var isUTF16: Bool { JSONParser.isUTF16(bytes) }

    /// At a ',' right after a number in an object and right before a digit (`"share": 0,6667`): the message for
    /// a decimal comma, which JSON reads as the end of the member.
    func decimalComma() -> String? {
        guard offset + 1 < bytes.count, isDigit(bytes[offset + 1]) else { return nil }
        var start = offset
        while start > 0, isDigit(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "-") { start -= 1 }
        var end = offset + 1
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        let whole = String(decoding: bytes[start..<offset], as: UTF8.self)
        let fraction = String(decoding: bytes[(offset + 1)..<end], as: UTF8.self)
        return
            "a decimal comma in \(whole),\(fraction)? JSON writes decimals with a point: write \(whole).\(fraction), "
            + "not \(whole),\(fraction)"
    }

    /// At `//`, `/*` or `#`: a comment, which JSON does not have.
    var startsComment: Bool {
        guard offset < bytes.count else { return false }
        if bytes[offset] == UInt8(ascii: "#") { return true }
        return bytes[offset] == UInt8(ascii: "/") && offset + 1 < bytes.count
            && (bytes[offset + 1] == UInt8(ascii: "/") || bytes[offset + 1] == UInt8(ascii: "*"))
    }

    func error(_ message: String) -> JSONParser.SyntaxError {
        let message =
            startsComment
            ? message + "; JSON has no comments: write the scenario in YAML (a .yaml file, with # comments), or put "
                + "the remark in \"description\" or \"sources\""
            : message
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return JSONParser.SyntaxError(line: line, column: column, path: JSONPath(path), message: message)
    }
}
