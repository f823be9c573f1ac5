import ArgumentParser
import FairShareReport
import FairShareScenario
import Foundation

/// `fairshare init --from gemeenten.csv`: a starter scenario whose municipalities come from a table saved from a
/// spreadsheet, with the column mapping guessed from the headers (docs/model.md §2 "Municipality data from a
/// spreadsheet"; README "My data is in Excel").
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter scenario whose municipalities come from a spreadsheet saved as CSV.",
        discussion: """
            Reads the table's header row (row 1), guesses which column holds which municipality field (id, name, \
            inhabitants, households, the stock of each price segment, building capacity, lettings, further \
            numbers as attributes), writes a scenario that names the table and that mapping, and checks it. It \
            says what it guessed; change the scenario where it guessed wrong, then add the region's targets.

            The table is read as Excel and LibreOffice save it: separator ";" (Dutch) or ",", decimal comma or \
            point, UTF-8 with or without byte order mark. Numbers such as 127.000 mean 127000 in Dutch and 127 \
            in English notation: the scenario states the notation ("locale"), guessed from the separator (";" \
            Dutch, otherwise English) unless --locale gives it.

            Examples:
              fairshare init --from gemeenten.csv
              fairshare init --from gemeenten.csv --output regio.json --name "Regio 2025-2030" --locale nl

            Exit status: 0 written and valid, 1 usage error (no such file, output exists), 2 written but not \
            valid (every problem listed).
            """)

    @Option(name: .customLong("from"), help: ArgumentHelp("The municipality table (CSV).", valueName: "table.csv"))
    var table: String

    @Option(
        help: ArgumentHelp(
            "Write the scenario to this file (default: the table's name ending in .json, next to it).",
            valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("The scenario's name (default: the table's file name).", valueName: "name"))
    var name: String?

    @Option(
        help: ArgumentHelp(
            "The table's number notation: nl (1.234,5) or en (1,234.5); default: nl for a \";\" separator.",
            valueName: "locale"))
    var locale: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        let tableURL = URL(fileURLWithPath: table)
        guard FileManager.default.fileExists(atPath: tableURL.path) else {
            Terminal.error("fairshare: no such file: \(table)")
            throw ExitStatus.usage
        }
        let written = output ?? ((table as NSString).deletingPathExtension + ".json")
        let outputURL = URL(fileURLWithPath: written)
        // A symbolic link is followed: the link stays and the file it points to gets the scenario. Paths in the
        // scenario stay relative to the folder of the path given, where fairshare will be asked to read it.
        let target = outputURL.resolvingSymlinksInPath()
        // The scenario is written through a temporary file renamed over the target, which would replace a device
        // or a pipe (as root, /dev/null itself) with a regular file: only a regular file, or a new one, is written.
        if let kind = Self.nonRegularKind(target.path) {
            Terminal.error(
                "fairshare: \(outputURL.path) is \(kind), not a file; init writes the scenario to a file and reads "
                    + "it back: choose a file path with --output")
            throw ExitStatus.usage
        }
        if FileManager.default.fileExists(atPath: target.path) && !force {
            Terminal.error("fairshare: \(outputURL.path) exists; choose another --output, or --force to replace it")
            throw ExitStatus.usage
        }
        let read: MunicipalityTable
        do {
            read = try MunicipalityTable.read(contentsOf: tableURL, file: table)
        } catch {
            Terminal.error("\(table): " + error.description)
            throw ExitStatus.invalidScenario
        }
        let notation = locale ?? (read.separator == ";" ? "nl" : "en")
        let guess = TableGuess(read, locale: Locale(identifier: notation))

        let file = Self.relativePath(of: tableURL, from: outputURL.deletingLastPathComponent())
        let scenarioName = name ?? tableURL.deletingPathExtension().lastPathComponent
        let document = guess.scenario(name: scenarioName, file: file, locale: notation)
        do {
            try JSONWriter.text(document).write(to: target, atomically: true, encoding: .utf8)
        } catch {
            Terminal.error("fairshare: cannot write \(outputURL.path): \(error.localizedDescription)")
            throw ExitStatus.usage
        }

        let separator = read.separator == "\t" ? "tab" : "\"\(read.separator)\""
        var report = [
            "\(table): \(read.rows.count) rows, \(read.headers.count) columns, separator \(separator), numbers in "
                + (notation == "nl" ? "Dutch" : notation == "en" ? "English" : notation) + " notation (\"locale\": "
                + "\"\(notation)\"\(locale == nil ? ", guessed from the separator" : ""))",
            "columns:",
        ]
        // Headers come from the spreadsheet: shown as plain lines (no escape sequence, no line break, no
        // bidirectional control reaches the terminal).
        let headers = read.headers.map(PlainText.line)
        let width = (headers.map { $0.count }.max() ?? 0) + 2
        for (index, header) in headers.enumerated() {
            let shown = "\"\(header)\"".padding(toLength: width, withPad: " ", startingAt: 0)
            report.append(
                "  \(MunicipalityTable.columnName(index).padding(toLength: 3, withPad: " ", startingAt: 0))"
                    + "\(shown)  \(guess.use[index])")
        }
        report.append(
            "wrote \(written): \(guess.segments.count) segment\(guess.segments.count == 1 ? "" : "s") ("
                + guess.segments.map(\.id).joined(separator: ", ") + ") with their stock from the table")
        print(report.joined(separator: "\n"))
        do {
            let scenario = try ScenarioLoader().load(contentsOf: outputURL)
            print(
                "valid: \(scenario.name): \(scenario.municipalities.count) municipalities. Next: check the guesses "
                    + "above in \(written), add the region's new homes and targets (docs/model.md §2), then run "
                    + "fairshare solve \(written)")
        } catch {
            Terminal.error("\(written): " + error.description)
            Terminal.error(
                "fairshare: the scenario was written but is not valid yet: fix the table or the mapping in "
                    + "\(written)")
            throw ExitStatus.invalidScenario
        }
    }

    /// What the existing entry at `path` is when it is not a regular file ("a directory", "a device", …); `nil` for
    /// a regular file or when nothing is there.
    static func nonRegularKind(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// `url`'s path relative to `directory` when it lies within it or beside it, otherwise absolute.
    static func relativePath(of url: URL, from directory: URL) -> String {
        let target = url.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(target.count, base.count) && target[common] == base[common] { common += 1 }
        guard common > 1 || (common == 1 && base.count == 1) else { return url.standardizedFileURL.path }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}

/// The mapping `fairshare init` guesses from a table's headers, and the starter scenario it writes.
struct TableGuess {
    struct GuessedSegment {
        let id: String
        let label: String
    }

    /// Per column, what it was taken for (for the report).
    var use: [String] = []
    /// Mapping key → header, in column order.
    var columns: [(key: String, header: String)] = []
    var segments: [GuessedSegment] = []

    /// Known price segments: words in a header → id.
    static let segmentWords: [(words: [String], id: String)] = [
        (["sociale huur", "social rent"], "social-rent"),
        (["middenhuur", "midden huur", "mid rent", "middle rent"], "mid-rent"),
        (["betaalbare koop", "affordable owner", "affordable koop"], "affordable-owner"),
        (["vrije sector", "market", "dure koop", "dure huur"], "market"),
    ]

    init(_ table: MunicipalityTable, locale: Locale) {
        var taken = Set<String>()
        for (index, header) in table.headers.enumerated() {
            let words = Self.normalised(header)
            let cells = table.rows.map { $0.cells[index] }
            let numeric =
                !cells.isEmpty
                && cells.allSatisfy {
                    if case .number = TableNumber.read($0, locale: locale) { true } else { false }
                }
            var key: String?
            func has(_ any: String...) -> Bool { any.contains(where: contains) }
            func contains(_ phrase: String) -> Bool { " \(words) ".contains(" \(phrase) ") }
            func first(_ candidate: String) -> String? { taken.contains(candidate) ? nil : candidate }
            if has("cbs code", "gemeentecode", "gm code", "code", "id", "municipality code") && !numeric
                || words == "code"
            {
                key = first("id")
            } else if ["gemeente", "gemeentenaam", "naam", "name", "municipality", "regio"].contains(words) {
                key = first("name")
            }
            if key == nil && numeric {
                if has("inwoners", "bevolking", "population") {
                    key = first("population")
                } else if has("huishoudens", "households") {
                    key = first("households")
                } else if has("verhuringen", "vrijkomende woningen", "lettings", "mutaties") {
                    key = first("lettings")
                } else if has("urgenten", "urgent", "voorrang", "statushouders", "priority", "maxpriorityshare") {
                    key = first("maxPriorityShare")
                } else if has("nieuwbouw", "capaciteit", "plancapaciteit", "new homes", "newhomes") {
                    key = first(
                        has("min")
                            ? "newHomes.min"
                            : has("max") || has("capaciteit", "plancapaciteit") ? "newHomes.max" : "newHomes")
                } else if let segment = Self.segmentWords.first(where: { $0.words.contains(where: contains) }) {
                    let field = has("gerealiseerd", "realised", "realized", "gebouwd") ? "realised" : "stock"
                    key = first("\(field).\(segment.id)")
                    if key != nil && field == "stock" {
                        let label = header.split(separator: " ").drop {
                            ["voorraad", "stock", "bestaand", "bestaande"].contains($0.lowercased())
                        }
                        segments.append(
                            GuessedSegment(id: segment.id, label: label.isEmpty ? header : label.joined(separator: " "))
                        )
                    }
                } else if let id = Self.id(from: header) {
                    key = first("attributes.\(id)")
                }
            }
            if let key {
                taken.insert(key)
                columns.append((key, header))
                use.append("→ \(key)")
            } else {
                use.append(numeric ? "not used (no field fits; add it to \"columns\" yourself)" : "not used (text)")
            }
        }
    }

    /// A header in lower case without accents, with every run of other characters one space.
    static func normalised(_ header: String) -> String {
        let folded = header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        return folded.split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    /// An attribute id made from a header: `75-plussers` → `75-plussers`, `Oppervlakte (km²)` → `oppervlakte-km`.
    static func id(from header: String) -> String? {
        let words = normalised(header).split(separator: " ").map { $0.filter { $0.isASCII } }.filter { !$0.isEmpty }
        let id = words.joined(separator: "-")
        return id.isEmpty ? nil : String(id.prefix(ScenarioLimits.maximumIDLength))
    }

    /// The starter scenario.
    func scenario(name: String, file: String, locale: String) -> JSONValue {
        var segmentMembers: [(key: String, value: JSONValue)] = segments.map { segment in
            var members: [(key: String, value: JSONValue)] = [("label", .string(segment.label))]
            if segment.id != "market" { members.append(("affordable", .bool(true))) }
            if segment.id == "social-rent" {
                members.append(("lettable", .bool(true)))
                members.append(("fair", .object(JSONObject([("rule", .string("converge"))]))))
            }
            return (segment.id, .object(JSONObject(members)))
        }
        if segmentMembers.isEmpty {
            segmentMembers = [("new-homes", .object(JSONObject([("label", .string("New homes"))])))]
        }
        return .object(
            JSONObject([
                ("format", .string(Scenario.format)),
                ("name", .string(name)),
                ("description", .string("Starter scenario written by fairshare init from \(file)")),
                ("segments", .object(JSONObject(segmentMembers))),
                (
                    MunicipalityTable.member,
                    .object(
                        JSONObject([
                            ("file", .string(file)), ("locale", .string(locale)),
                            ("columns", .object(JSONObject(columns.map { ($0.key, .string($0.header)) }))),
                        ]))
                ),
            ]))
    }
}
