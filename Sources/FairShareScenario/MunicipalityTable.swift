import CSV
import Foundation

/// A table of municipalities saved from a spreadsheet as CSV: its header and its rows, as Excel and LibreOffice
/// write them (docs/model.md §2 "Municipality data from a spreadsheet").
///
/// A scenario names such a file in `municipalityTable`, with the column of each municipality field; the loader
/// (``ScenarioLoader/load(contentsOf:relativeTo:)``) reads it next to the scenario and turns its rows into the scenario's
/// `municipalities`. `fairshare init --from` reads one to write a starter scenario.
///
/// The file is UTF-8, with or without a byte order mark; its separator is `;`, `,` or a tab, stated or taken from
/// the header row (the one it holds most of). Row numbers are the spreadsheet's: the header is row 1. Rows whose
/// cells are all empty are left out, as a spreadsheet's trailing empty rows.
public struct MunicipalityTable: Sendable {
    /// One row of data: its number as the spreadsheet shows it and its cells, trimmed of spaces.
    public struct Row: Sendable, Hashable {
        public let number: Int
        public let cells: [String]
    }

    /// The file as the scenario names it; every message uses it.
    public let file: String
    /// The separator between cells.
    public let separator: Character
    /// The header row (row 1), each cell trimmed of spaces.
    public let headers: [String]
    /// The rows after the header that hold anything.
    public let rows: [Row]

    /// The member of a scenario that names a table.
    public static let member = "municipalityTable"
    /// The separators a table may use.
    public static let separators: [Character] = [";", ",", "\t"]

    /// Reads a table.
    /// - Parameters:
    ///   - url: Where the file is.
    ///   - file: The file's name as messages give it (as the scenario wrote it).
    ///   - separator: The separator, or `nil` to take the one the header row holds most of.
    ///   - maximumSize: The largest file read, in bytes.
    /// - Throws: A ``ScenarioError`` at `municipalityTable.file` when the file cannot be read, is not UTF-8,
    ///   is empty, or has rows whose number of cells differs from the header's.
    public static func read(
        contentsOf url: URL, file: String, separator: Character? = nil,
        maximumSize: Int = ScenarioLimits().maximumFileSize
    ) throws(ScenarioError) -> MunicipalityTable {
        let at: JSONPath = [.member(member), "file"]
        func failure(_ code: ScenarioIssue.Code, _ message: String) -> ScenarioError {
            ScenarioError([ScenarioIssue(code, at: at, message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            throw failure(
                .tableFile,
                "\(file): no such file (looked for \(url.path)); the path is relative to the scenario file's folder (the working directory for standard input)"
            )
        }
        let data: Data
        do {
            data = try ScenarioLoader.read(url, atMost: maximumSize)
        } catch let error as ScenarioError {
            throw failure(.tooLarge, "\(file): " + (error.issues.first?.message ?? "too large"))
        } catch {
            throw failure(.tableFile, "\(file): cannot read it: \(error.localizedDescription)")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let valid = String(decoding: bytes, as: UTF8.self)
            let line = (valid.prefix { $0 != "\u{FFFD}" }.count(where: \.isNewline)) + 1
            throw failure(
                .tableFile,
                "\(file): not UTF-8 text (first bad byte on line \(line)); save it as \"CSV UTF-8\" in Excel, or "
                    + "with the character set \"Unicode (UTF-8)\" in LibreOffice")
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw failure(.tableFile, "\(file): the file is empty; row 1 must name the columns")
        }
        let separator = separator ?? guessSeparator(text)
        guard let delimiter = separator.unicodeScalars.first, separator.unicodeScalars.count == 1 else {
            throw failure(.tableFile, "\(file): the separator must be one character")
        }
        var records: [[String]] = []
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
            while let record = reader.next() {
                records.append(record.map { $0.trimmingCharacters(in: .whitespaces) })
            }
        } catch {
            throw failure(.tableFile, "\(file): not a CSV table (\(error))")
        }
        guard let headers = records.first else {
            throw failure(.tableFile, "\(file): the file is empty; row 1 must name the columns")
        }
        var rows: [Row] = []
        var issues: [ScenarioIssue] = []
        for (index, cells) in records.enumerated().dropFirst() where !cells.allSatisfy(\.isEmpty) {
            let number = index + 1
            if cells.count != headers.count {
                let extra =
                    cells.count > headers.count
                    ? "column \(columnName(headers.count)) and after have no header"
                    : cells.count == headers.count - 1
                        ? "column \(columnName(cells.count)) is missing"
                        : "columns \(columnName(cells.count)) to \(columnName(headers.count - 1)) are missing"
                issues.append(
                    ScenarioIssue(
                        .tableCell, at: at,
                        "\(file), row \(number): \(cells.count) cells, but the header (row 1) has \(headers.count) "
                            + "columns (\(extra)); separator \"\(String(separator).debugDescription.dropFirst().dropLast())\""
                    ))
                continue
            }
            rows.append(Row(number: number, cells: cells))
        }
        guard issues.isEmpty else { throw ScenarioError(issues) }
        return MunicipalityTable(file: file, separator: separator, headers: headers, rows: rows)
    }

    /// The separator the first line holds most of (outside quotes): `;`, `,` or a tab; `,` when it holds none.
    static func guessSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [:]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted && character.isNewline { break }
            if !quoted && separators.contains(character) { counts[character, default: 0] += 1 }
        }
        return separators.max { counts[$0, default: 0] < counts[$1, default: 0] }.flatMap {
            counts[$0, default: 0] > 0 ? $0 : nil
        } ?? ","
    }

    /// A column's letters as a spreadsheet shows them: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnName(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    /// Where a cell is, for messages: `gemeenten.csv, row 4, column C "Inwoners"`.
    public func cell(row: Int, column: Int) -> String {
        "\(file), row \(row), column \(Self.columnName(column)) \(JSONWriter.quoted(headers[column]))"
    }
}

// MARK: - The scenario's mapping

/// What a scenario's `municipalityTable` says: the file, its notation, and which column fills which field.
struct TableMapping {
    /// A municipality field a column fills.
    struct Column {
        /// The mapping's name for it, e.g. `stock.social-rent`.
        let key: String
        /// Where the value goes in a municipality object; empty for `id`.
        let path: [String]
        let header: String
        /// What an empty cell means.
        let empty: Empty
    }

    enum Empty: Equatable {
        /// An error naming the cell (the default).
        case error
        /// The field is left out, as if the municipality did not give it.
        case absent
        /// This number.
        case value(Double)
    }

    let file: String
    let locale: Locale?
    let separator: Character?
    let columns: [Column]

    static let fields = ["file", "locale", "separator", "columns"]
    static let numbers = ["population", "households", "lettings", "maxPriorityShare"]
    static let keyed = ["stock", "realised", "housed", "attributes"]

    /// The fields a column can fill, for messages.
    static let targets =
        "id, name, population, households, lettings, maxPriorityShare, newHomes, newHomes.min, newHomes.max, "
        + "stock.SEGMENT, realised.SEGMENT, housed.GROUP, attributes.NAME, limits.SEGMENT.FIELD (\(ScenarioReader.limitFields.joined(separator: ", "))), "
        + "placements.GROUP, placements.GROUP.min, placements.GROUP.max, care.QUALITY, care.QUALITY.min, care.QUALITY.max"

    /// Where a mapping key puts its value in a municipality object; `nil` when no field fits. Ids may hold dots:
    /// `stock.` takes the rest of the key as the segment id, `limits.` the last part as the limit.
    static func path(of key: String) -> [String]? {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        let field = parts[0]
        let rest = parts.count > 1 ? parts[1] : nil
        switch field {
        case "id": return rest == nil ? [] : nil
        case "name": return rest == nil ? ["name"] : nil
        case _ where numbers.contains(field): return rest == nil ? [field] : nil
        case "newHomes":
            guard let rest else { return ["newHomes"] }
            return ["min", "max"].contains(rest) ? ["newHomes", rest] : nil
        case _ where keyed.contains(field):
            return rest.map { [field, $0] }
        case "limits":
            guard let rest, let dot = rest.lastIndex(of: ".") else { return nil }
            let limit = String(rest[rest.index(after: dot)...])
            let segment = String(rest[..<dot])
            return ScenarioReader.limitFields.contains(limit) && !segment.isEmpty ? ["limits", segment, limit] : nil
        case "placements", "care":
            guard let rest else { return nil }
            if let dot = rest.lastIndex(of: "."), ["min", "max"].contains(String(rest[rest.index(after: dot)...])),
                dot != rest.startIndex
            {
                return [field, String(rest[..<dot]), String(rest[rest.index(after: dot)...])]
            }
            return [field, rest]
        default: return nil
        }
    }

    /// Reads `municipalityTable`, reporting its problems to `fields`.
    static func read(_ value: JSONValue, fields: inout FieldReader) -> TableMapping? {
        let here: JSONPath = [.member(MunicipalityTable.member)]
        guard let object = fields.object(value, here, allowed: Self.fields, required: ["file", "columns"]) else {
            return nil
        }
        let file = fields.string(object["file"], here + "file")
        if file?.isEmpty == true {
            fields.report(.invalidValue, here + "file", "name a CSV file, e.g. \"gemeenten.csv\"")
        }
        var locale: Locale?
        if let identifier = fields.string(object["locale"], here + "locale") {
            let candidate = Locale(identifier: identifier)
            if identifier.isEmpty || TableNumber.separators(of: candidate) == nil
                || !Locale.availableIdentifiers.contains(candidate.identifier)
                    && !Locale.availableIdentifiers.contains(identifier.replacingOccurrences(of: "-", with: "_"))
            {
                fields.report(
                    .invalidValue, here + "locale",
                    "\(identifier.debugDescription) is not a locale with decimal and thousands separators; "
                        + "\"nl\" (1.234,5) or \"en\" (1,234.5)")
            } else {
                locale = candidate
            }
        }
        var separator: Character?
        if let text = fields.string(object["separator"], here + "separator") {
            if text.count == 1, let character = text.first, MunicipalityTable.separators.contains(character) {
                separator = character
            } else {
                fields.report(.invalidValue, here + "separator", "must be \";\", \",\" or \"\\t\" (a tab)")
            }
        }
        var columns: [Column] = []
        if let map = fields.object(object["columns"], here + "columns", allowed: object["columns"]?.object?.keys ?? [])
        {
            for (key, entry) in map.members {
                let at = here + "columns" + key
                guard let path = path(of: key) else {
                    fields.report(
                        .unknownField, at,
                        "no municipality field \(key.debugDescription) for a column to fill; columns fill \(targets)")
                    continue
                }
                var header: String?
                var empty = Empty.error
                switch entry {
                case .string(let text):
                    header = text
                case .object:
                    let column = fields.object(entry, at, allowed: ["header", "empty"], required: ["header"])
                    header = fields.string(column?["header"], at + "header")
                    switch column?["empty"] {
                    case nil: break
                    case .string("error"): empty = .error
                    case .string("absent"): empty = .absent
                    case .number(let number): empty = .value(number)
                    case let other?:
                        fields.report(
                            .invalidValue, at + "empty",
                            "\(JSONWriter.text(other)) is not \"error\", \"absent\" or a number")
                    }
                    if empty != .error && path.isEmpty || path == ["name"] && empty != .error {
                        fields.report(.invalidValue, at + "empty", "the id and name columns cannot be empty")
                    }
                default:
                    fields.report(
                        .wrongType, at,
                        "expected the column's header (a string) or {\"header\": …, \"empty\": …}, found "
                            + entry.typeDescription)
                }
                if let header { columns.append(Column(key: key, path: path, header: header, empty: empty)) }
            }
            if map["id"] == nil {
                fields.report(
                    .missingField, here + "columns" + "id",
                    "name the column that holds each municipality's id (e.g. \"CBS-code\")")
            }
            for column in columns {
                for other in columns
                where other.key != column.key && !column.path.isEmpty
                    && other.path.count > column.path.count
                    && Array(other.path.prefix(column.path.count)) == column.path
                {
                    fields.report(
                        .invalidValue, here + "columns" + other.key,
                        "\(column.key) is mapped too; map either \(column.key) or its parts")
                }
            }
        }
        guard let file, fields.issues.isEmpty else { return nil }
        return TableMapping(file: file, locale: locale, separator: separator, columns: columns)
    }
}

// MARK: - Expanding a scenario's table

/// Where the values read from a table came from: a path in the scenario → the cell (or the row) that gave it.
struct TableOrigins: Sendable {
    var cells: [JSONPath: String] = [:]

    /// The issues with the cell that gave each value named: `(from gemeenten.csv, row 4, column C "Inwoners")`.
    func annotated(_ error: ScenarioError) -> ScenarioError {
        guard !cells.isEmpty else { return error }
        return error.mapIssues { issue in
            var path = issue.path
            while !path.isEmpty {
                if let cell = cells[path] {
                    return ScenarioIssue(issue.code, at: issue.path, "\(issue.message) (from \(cell))")
                }
                path = path.dropLast()
            }
            return issue
        }
    }
}

extension MunicipalityTable {
    /// The scenario `document` with its `municipalityTable` read: the table's rows become municipalities, merged
    /// into any the document gives by id, and `municipalityTable` is removed. A document without one is returned
    /// as it is.
    static func expand(
        _ document: JSONValue, directory: URL, limits: ScenarioLimits
    ) throws(ScenarioError) -> (document: JSONValue, origins: TableOrigins) {
        guard case .object(var top) = document, let spec = top[member] else { return (document, TableOrigins()) }
        var fields = FieldReader()
        guard let mapping = TableMapping.read(spec, fields: &fields) else { throw fields.error }
        let url =
            mapping.file.hasPrefix("/")
            ? URL(fileURLWithPath: mapping.file) : directory.appendingPathComponent(mapping.file)
        let table = try read(
            contentsOf: url, file: mapping.file, separator: mapping.separator, maximumSize: limits.maximumFileSize)
        let (municipalities, origins) = try table.municipalities(mapping)

        var merged = top["municipalities"]?.object?.members ?? []
        var positions: [String: Int] = [:]
        for (position, member) in merged.enumerated() { positions[member.key] = position }
        var issues: [ScenarioIssue] = []
        if let given = top["municipalities"], given.object == nil {
            issues.append(
                ScenarioIssue(
                    .wrongType, at: ["municipalities"],
                    "expected an object keyed by id, found \(given.typeDescription) (the table adds to it)"))
        }
        for (id, object) in municipalities.members {
            let path: JSONPath = ["municipalities", .member(id)]
            if let at = positions[id] {
                merged[at].value = merge(object, into: merged[at].value, path, origins: origins, issues: &issues)
            } else {
                merged.append((id, object))
            }
        }
        guard issues.isEmpty else { throw ScenarioError(issues) }
        top["municipalities"] = .object(JSONObject(merged))
        top[member] = nil
        return (.object(top), origins)
    }

    /// `table` merged into `existing` (a municipality the scenario writes itself); a value both give is reported.
    static func merge(
        _ table: JSONValue, into existing: JSONValue, _ path: JSONPath, origins: TableOrigins,
        issues: inout [ScenarioIssue]
    ) -> JSONValue {
        guard case .object(let tableObject) = table, case .object(var object) = existing else {
            issues.append(
                ScenarioIssue(
                    .invalidValue, at: path,
                    "given twice: in the scenario and in \(origins.cells[path] ?? "the table"); keep one"))
            return existing
        }
        for (key, value) in tableObject.members {
            if let mine = object[key] {
                object[key] = merge(value, into: mine, path + key, origins: origins, issues: &issues)
            } else {
                object[key] = value
            }
        }
        return .object(object)
    }

    /// The municipality objects of the rows, keyed by id, and where each value came from.
    func municipalities(_ mapping: TableMapping) throws(ScenarioError) -> (JSONObject, TableOrigins) {
        let here: JSONPath = [.member(Self.member), "columns"]
        var issues: [ScenarioIssue] = []
        var indices: [String: Int] = [:]
        for column in mapping.columns {
            let matches = headers.indices.filter { headers[$0] == column.header.trimmingCharacters(in: .whitespaces) }
            if matches.count == 1 {
                indices[column.key] = matches[0]
            } else if matches.isEmpty {
                let wanted = column.header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                let near = headers.indices.filter {
                    let header = headers[$0].folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                    return !header.isEmpty && !wanted.isEmpty && (header.contains(wanted) || wanted.contains(header))
                }
                let listed = headers.indices.map { "\(Self.columnName($0)) \(JSONWriter.quoted(headers[$0]))" }
                issues.append(
                    ScenarioIssue(
                        .unknownID, at: here + column.key,
                        "\(file) has no column \(JSONWriter.quoted(column.header)) in its header (row 1)"
                            + (near.first.map {
                                "; did you mean column \(Self.columnName($0)) \(JSONWriter.quoted(headers[$0]))?"
                            }
                                ?? "; its columns: \(listed.joined(separator: ", "))")))
            } else {
                issues.append(
                    ScenarioIssue(
                        .invalidValue, at: here + column.key,
                        "\(file) has \(matches.count) columns \(JSONWriter.quoted(column.header)) ("
                            + matches.map { Self.columnName($0) }.joined(separator: ", ")
                            + "); rename all but one in row 1"))
            }
        }
        guard issues.isEmpty, let idColumn = mapping.columns.first(where: { $0.path.isEmpty }),
            let idIndex = indices[idColumn.key]
        else { throw ScenarioError(issues) }

        var result: [(key: String, value: JSONValue)] = []
        var origins = TableOrigins()
        var firstRow: [String: Int] = [:]
        for row in rows {
            let id = row.cells[idIndex]
            let idCell = cell(row: row.number, column: idIndex)
            if id.isEmpty {
                issues.append(
                    ScenarioIssue(
                        .tableCell, at: here + idColumn.key,
                        "\(idCell): empty cell; every row needs the municipality's id (e.g. GM0505)"))
                continue
            }
            if let first = firstRow[id] {
                issues.append(
                    ScenarioIssue(
                        .tableCell, at: here + idColumn.key,
                        "\(idCell): the id \(id) is also in row \(first); each municipality takes one row"))
                continue
            }
            firstRow[id] = row.number
            let municipality: JSONPath = ["municipalities", .member(id)]
            origins.cells[municipality] = "\(file), row \(row.number)"
            var object = JSONValue.object(JSONObject())
            for column in mapping.columns where !column.path.isEmpty {
                guard let index = indices[column.key] else { continue }
                let text = row.cells[index]
                let place = cell(row: row.number, column: index)
                let value: JSONValue
                if column.path == ["name"] {
                    guard !text.isEmpty else {
                        issues.append(
                            ScenarioIssue(
                                .tableCell, at: here + column.key, "\(place): empty cell; every row needs a name"))
                        continue
                    }
                    value = .string(text)
                } else if text.isEmpty {
                    switch column.empty {
                    case .absent: continue
                    case .value(let number): value = .number(number)
                    case .error:
                        issues.append(
                            ScenarioIssue(
                                .tableCell, at: here + column.key,
                                "\(place): empty cell; an empty cell is not 0: write 0, or give the column "
                                    + "\"empty\": \"absent\" (leave the field out) or \"empty\": 0 in the mapping"))
                        continue
                    }
                } else {
                    switch TableNumber.read(text, locale: mapping.locale) {
                    case .number(let number):
                        value = .number(number)
                    case .ambiguous(let dutch, let english):
                        let guess = separator == ";" ? " (\";\" suggests nl)" : ""
                        issues.append(
                            ScenarioIssue(
                                .ambiguousNumber, at: here + column.key,
                                "\(place): \(JSONWriter.quoted(text)) is ambiguous: \(JSONWriter.number(dutch)) "
                                    + "in Dutch notation, \(JSONWriter.number(english)) in English; state the "
                                    + "notation: \"locale\": \"nl\" or \"en\" in \"\(Self.member)\"\(guess)"))
                        continue
                    case .invalid(let reason):
                        let notation = mapping.locale.map { " in the notation of \"\($0.identifier)\"" } ?? ""
                        issues.append(
                            ScenarioIssue(
                                .tableCell, at: here + column.key,
                                "\(place): \(JSONWriter.quoted(text)) is not a number\(notation): \(reason)"))
                        continue
                    }
                }
                object = object.setting(value, at: JSONPath(members: column.path))
                origins.cells[municipality + JSONPath(members: column.path)] = place
            }
            result.append((id, object))
        }
        guard issues.isEmpty else { throw ScenarioError(issues) }
        return (JSONObject(result), origins)
    }
}
