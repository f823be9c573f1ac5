import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// Municipality data from a spreadsheet (docs/model.md §2 "Municipality data from a spreadsheet", issue 15): the
/// tables in Scenarios/ were saved by LibreOffice Calc 7.4 in a Dutch locale from the figures of the JSON scenarios
/// (Scenarios/spreadsheets/ holds the sheets and the script that made them), so a scenario that reads them must
/// give what the JSON scenario gives.
@Suite("Municipality tables: CSV files saved from Excel or LibreOffice, and fairshare init --from")
struct MunicipalityTableTests {
    static let scenarios = "Tests/FairshareCLITests/Scenarios"
    /// Same figures as the JSON scenario (left), read from a table (right).
    static let pairs = [
        ("Scenarios/drechtsteden.json", "\(scenarios)/drechtsteden-from-table.json"),
        ("Scenarios/three-towns.json", "\(scenarios)/three-towns-from-table.json"),
    ]

    @Test("A table saved in Dutch gives the JSON file's municipalities, value for value", arguments: pairs)
    func sameMunicipalities(json: String, table: String) throws {
        let fromJSON = try ScenarioLoader().load(contentsOf: Repository.root.appendingPathComponent(json))
        let fromTable = try ScenarioLoader().load(contentsOf: Repository.root.appendingPathComponent(table))
        #expect(fromTable.municipalities == fromJSON.municipalities)
        #expect(fromTable.document.object?["municipalityTable"] == nil)
    }

    @Test("fairshare solve gives the same allocation from the table as from the JSON file", arguments: pairs)
    func sameResult(json: String, table: String) throws {
        let fromJSON = try fairshare(["solve", json, "--format", "json"])
        let fromTable = try fairshare(["solve", table, "--format", "json"])
        #expect(fromJSON.status == 0 && fromTable.status == 0, "\(fromTable)")
        #expect(fromTable.stdout == fromJSON.stdout)
        #expect(fromTable.stderr == fromJSON.stderr)
        // And the numbers are the ones the README's table shows for the Drechtsteden: Dordrecht 4,960 homes.
        if json.contains("drechtsteden") {
            let result = try JSONParser().parse(fromTable.stdout)
            guard case .number(let total)? = result.value(at: ["municipalities", "GM0505", "total"]) else {
                Issue.record("no total for Dordrecht")
                return
            }
            #expect(abs(total - 4960) < 0.01)
        }
    }

    @Test("A variant of a scenario with a table patches the table's municipalities")
    func variant() throws {
        let fromJSON = try fairshare([
            "solve", "Scenarios/drechtsteden.json", "--variant", "wet-vrv", "--format", "json",
        ])
        let fromTable = try fairshare([
            "solve", "\(Self.scenarios)/drechtsteden-from-table.json", "--variant", "wet-vrv", "--format", "json",
        ])
        #expect(fromTable.status == fromJSON.status)
        #expect(fromTable.stdout == fromJSON.stdout)
    }

    // MARK: - Other ways spreadsheets save

    /// The three towns of Scenarios/three-towns.json (A: 5000 inhabitants, stock 100 social / 900 market, 400 new
    /// homes, 100 lettings, share 0.5; B: 3000, 400/600, 300, 100, 0.5; C: 2000, 300/700, 300, 0, 0.1).
    static let threeTowns = """
        {"format": "fairshare-scenario/1", "name": "Three towns (didactic)",
         "segments": {"social-rent": {"label": "Social rent", "affordable": true, "lettable": true,
                                      "fair": {"rule": "converge", "targetShare": 0.30}},
                      "market": {"label": "Market"}},
         "region": {"newHomes": 1000, "targets": {"social-30": {"segments": ["social-rent"], "minShare": 0.30}}},
         "priorityGroups": {"statushouders": {"label": "Statushouders", "demand": 60, "key": "population"}},
         "municipalityTable": {"file": "towns.csv", TABLE
           "columns": {"id": "Code", "name": "Naam", "population": "Inwoners", "stock.social-rent": "Sociale huur",
                       "stock.market": "Vrije sector", "newHomes": "Nieuwbouw", "lettings": "Verhuringen",
                       "maxPriorityShare": "Aandeel"}}}
        """

    /// A folder with `scenario.json` (the three towns, `table` spliced into `municipalityTable`) and `towns.csv`.
    static func folder(csv: String, bytes: [UInt8] = [], table: String = "") throws -> URL {
        let folder = try temporaryDirectory("fairshare-table")
        try threeTowns.replacingOccurrences(of: "TABLE", with: table).write(
            to: folder.appendingPathComponent("scenario.json"), atomically: true, encoding: .utf8)
        try Data(bytes + Array(csv.utf8)).write(to: folder.appendingPathComponent("towns.csv"))
        return folder
    }

    static let header = "Code;Naam;Inwoners;Sociale huur;Vrije sector;Nieuwbouw;Verhuringen;Aandeel\r\n"

    @Test(
        "Dutch with a byte order mark, international with quotes, tabs, percentages: the three towns each time",
        arguments: [
            // Excel "CSV UTF-8": BOM, ";", CRLF, no thousands separators, no locale stated.
            (
                [0xEF, 0xBB, 0xBF], "",
                header + "A;Aldorp;5000;100;900;400;100;0,5\r\nB;Bestad;3000;400;600;300;100;0,5\r\n"
                    + "C;Cewijk;2000;300;700;300;0;0,1\r\n"
            ),
            // International: ",", numbers with a thousands separator quoted, locale stated.
            (
                [], #""locale": "en","#,
                "Code,Naam,Inwoners,Sociale huur,Vrije sector,Nieuwbouw,Verhuringen,Aandeel\n"
                    + "A,Aldorp,\"5,000\",100,900,400,100,0.5\nB,Bestad,\"3,000\",400,600,300,100,0.50\n"
                    + "C,Cewijk,\"2,000\",300,700,300,0,0.1\n"
            ),
            // Tabs, percentages, Dutch thousands separators with the locale stated, a trailing empty row.
            (
                [], #""locale": "nl-NL", "separator": "\t","#,
                "Code\tNaam\tInwoners\tSociale huur\tVrije sector\tNieuwbouw\tVerhuringen\tAandeel\n"
                    + "A\tAldorp\t5.000\t100\t900\t400\t100\t50%\nB\tBestad\t3.000\t400\t600\t300\t100\t50%\n"
                    + "C\tCewijk\t2.000\t300\t700\t300\t0\t10 %\n\t\t\t\t\t\t\t\n"
            ),
        ] as [([UInt8], String, String)])
    func otherSpreadsheets(bom: [UInt8], table: String, csv: String) throws {
        let folder = try Self.folder(csv: csv, bytes: bom, table: table)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fromTable = try ScenarioLoader().load(contentsOf: folder.appendingPathComponent("scenario.json"))
        let fromJSON = try ScenarioLoader().load(contentsOf: Repository.scenario("three-towns.json"))
        #expect(fromTable.municipalities == fromJSON.municipalities)
    }

    // MARK: - Every problem names the file, the row, the column and its header

    /// `fairshare validate` on the three towns with this table; its problem lines (after the first).
    static func problems(_ csv: String, table: String = "") throws -> (status: Int32, lines: [String]) {
        let folder = try Self.folder(csv: csv, table: table)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try fairshare(["validate", "scenario.json"], in: folder)
        #expect(output.status == 0 || output.stdout.isEmpty)
        #expect(output.isClean)
        return (output.status, output.stderr.split(separator: "\n").dropFirst().map(String.init))
    }

    static let rows = "B;Bestad;3000;400;600;300;100;0,5\nC;Cewijk;2000;300;700;300;0;0,1\n"

    @Test("An ambiguous number, in a file without a stated locale, is an error that gives both readings")
    func ambiguousNumber() throws {
        let (status, lines) = try Self.problems(Self.header + "A;Aldorp;5.000;100;900;400;100;0,5\n" + Self.rows)
        #expect(status == 2)
        #expect(
            lines == [
                #"  municipalityTable.columns.population: towns.csv, row 2, column C "Inwoners": "5.000" is ambiguous: "#
                    + #"5000 in Dutch notation, 5 in English; state the notation: "locale": "nl" or "en" in "#
                    + #""municipalityTable" (";" suggests nl)"#
            ])
        // Stated, it is read.
        let (stated, none) = try Self.problems(
            Self.header + "A;Aldorp;5.000;100;900;400;100;0,5\n" + Self.rows, table: #""locale": "nl","#)
        #expect(stated == 0 && none.isEmpty)
    }

    @Test("A cell that is not a number names its cell and what fits")
    func badNumber() throws {
        let (status, lines) = try Self.problems(
            Self.header + "A;Aldorp;5000;100;900;400;ca. 100;0,5\n" + Self.rows, table: #""locale": "nl","#)
        #expect(status == 2)
        #expect(
            lines == [
                #"  municipalityTable.columns.lettings: towns.csv, row 2, column G "Verhuringen": "ca. 100" is not a "#
                    + #"number in the notation of "nl": only digits, "," (decimals) and "." (thousands) belong in a number"#
            ])
    }

    @Test("A header the mapping names but the file lacks: the columns it has, or the near one")
    func unknownHeader() throws {
        let folder = try Self.folder(csv: Self.header + Self.rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario.json")
        let text = try String(contentsOf: scenario, encoding: .utf8)
        try text.replacingOccurrences(of: #""Inwoners""#, with: #""Bevolking""#)
            .replacingOccurrences(of: #""Verhuringen""#, with: #""verhuringen ""#)
            .write(to: scenario, atomically: true, encoding: .utf8)
        let output = try fairshare(["validate", "scenario.json"], in: folder)
        #expect(output.status == 2)
        #expect(
            output.stderr == """
                scenario.json: the scenario is invalid (2 problems):
                  municipalityTable.columns.population: towns.csv has no column "Bevolking" in its header (row 1); \
                its columns: A "Code", B "Naam", C "Inwoners", D "Sociale huur", E "Vrije sector", F "Nieuwbouw", \
                G "Verhuringen", H "Aandeel"
                  municipalityTable.columns.lettings: towns.csv has no column "verhuringen " in its header (row 1); \
                did you mean column G "Verhuringen"?

                """)
    }

    @Test("A municipality on two rows is an error that names both")
    func duplicateID() throws {
        let (status, lines) = try Self.problems(
            Self.header + "A;Aldorp;5000;100;900;400;100;0,5\n" + Self.rows + "A;Aldorp;5000;100;900;400;100;0,5\n")
        #expect(status == 2)
        #expect(
            lines == [
                #"  municipalityTable.columns.id: towns.csv, row 5, column A "Code": the id A is also in row 2; "#
                    + "each municipality takes one row"
            ])
    }

    @Test("An empty cell is not 0: an error, unless the mapping says what it means")
    func emptyCell() throws {
        let csv = Self.header + "A;Aldorp;5000;;900;400;100;0,5\n" + Self.rows
        let (status, lines) = try Self.problems(csv)
        #expect(status == 2)
        #expect(
            lines == [
                #"  municipalityTable.columns["stock.social-rent"]: towns.csv, row 2, column D "Sociale huur": "#
                    + #"empty cell; an empty cell is not 0: write 0, or give the column "empty": "absent" (leave the "#
                    + #"field out) or "empty": 0 in the mapping"#
            ])
        // "empty": 0 reads it as 0; "absent" leaves the segment out of Aldorp's stock, which also counts as 0.
        for empty in ["0", #""absent""#] {
            let folder = try Self.folder(csv: csv)
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = folder.appendingPathComponent("scenario.json")
            try String(contentsOf: scenario, encoding: .utf8)
                .replacingOccurrences(
                    of: #""stock.social-rent": "Sociale huur""#,
                    with: #""stock.social-rent": {"header": "Sociale huur", "empty": \#(empty)}"#
                ).write(to: scenario, atomically: true, encoding: .utf8)
            let loaded = try ScenarioLoader().load(contentsOf: scenario)
            let aldorp = try #require(loaded.municipalities.first { $0.id == "A" })
            #expect(aldorp.stock["social-rent"] ?? 0 == 0)
            #expect(aldorp.stock["market"] == 900)
        }
    }

    @Test("A row with more or fewer cells than the header names the row and the columns")
    func wrongColumnCount() throws {
        let (status, lines) = try Self.problems(
            Self.header + "A;Aldorp;5000;100;900;400;100\n" + Self.rows + "D;Dorp;1;1;1;1;1;0;7\n")
        #expect(status == 2)
        #expect(
            lines == [
                #"  municipalityTable.file: towns.csv, row 2: 7 cells, but the header (row 1) has 8 columns "#
                    + #"(column H is missing); separator ";""#,
                #"  municipalityTable.file: towns.csv, row 5: 9 cells, but the header (row 1) has 8 columns "#
                    + #"(column I and after have no header); separator ";""#,
            ])
    }

    @Test("A value the scenario's rules refuse names the cell it came from")
    func ruleBrokenInCell() throws {
        let (status, lines) = try Self.problems(Self.header + "A;Aldorp;5000;-100;900;400;100;1,5\n" + Self.rows)
        #expect(status == 2)
        #expect(
            lines == [
                "  municipalities.A.stock.social-rent: is -100; a count must be 0 or more "
                    + #"(from towns.csv, row 2, column D "Sociale huur")"#,
                "  municipalities.A.maxPriorityShare: is 1.5; a share must be between 0 and 1 (write 1.5% as 0.015) "
                    + #"(from towns.csv, row 2, column H "Aandeel")"#,
            ])
    }

    @Test("Municipalities in the scenario add to the table's rows by id; a value given twice is an error")
    func merge() throws {
        let folder = try Self.folder(csv: Self.header + "A;Aldorp;5000;100;900;400;100;0,5\n" + Self.rows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario.json")
        let text = try String(contentsOf: scenario, encoding: .utf8)
        try text.replacingOccurrences(
            of: #""municipalityTable""#,
            with: #""municipalities": {"A": {"placements": {"statushouders": {"max": 20}}}}, "municipalityTable""#
        ).write(to: scenario, atomically: true, encoding: .utf8)
        let loaded = try ScenarioLoader().load(contentsOf: scenario)
        let aldorp = try #require(loaded.municipalities.first { $0.id == "A" })
        #expect(aldorp.placements["statushouders"]?.max == 20)
        #expect(aldorp.population == 5000)

        try text.replacingOccurrences(
            of: #""municipalityTable""#, with: #""municipalities": {"B": {"lettings": 50}}, "municipalityTable""#
        ).write(to: scenario, atomically: true, encoding: .utf8)
        let output = try fairshare(["validate", "scenario.json"], in: folder)
        #expect(output.status == 2)
        #expect(
            output.stderr.contains(
                #"municipalities.B.lettings: given twice: in the scenario and in towns.csv, row 3, column G "#
                    + #""Verhuringen"; keep one"#), "\(output)")
    }

    @Test("Without its file, or through a variant, a table cannot be read, and says so")
    func tableNeedsItsFile() throws {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader().load(json: Self.threeTowns.replacingOccurrences(of: "TABLE", with: ""))
        }
        #expect(error?.issues.map(\.path).contains("municipalityTable") == true)
        let folder = try Self.folder(csv: Self.header + Self.rows, table: #""file": "missing.csv","#)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The scenario names the file twice now ("file" is repeated): fix it to the missing one only.
        let scenario = folder.appendingPathComponent("scenario.json")
        try String(contentsOf: scenario, encoding: .utf8)
            .replacingOccurrences(of: #""file": "towns.csv", "file": "missing.csv","#, with: #""file": "gone.csv","#)
            .write(to: scenario, atomically: true, encoding: .utf8)
        let output = try fairshare(["validate", "scenario.json"], in: folder)
        #expect(output.status == 2)
        #expect(
            output.stderr.contains(
                "  municipalityTable.file: gone.csv: no such file (looked for \(folder.path)/gone.csv); the path is "
                    + "relative to the scenario file's folder"), "\(output)")
    }

    /// A fresh temporary folder holding copies of files of this suite's scenarios (their names there → the names
    /// in the folder); the caller removes it.
    static func folder(_ prefix: String, holding files: [String: String]) throws -> URL {
        let folder = try temporaryDirectory(prefix)
        for (file, name) in files {
            try FileManager.default.copyItem(
                at: Repository.root.appendingPathComponent("\(scenarios)/\(file)"),
                to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// A scenario on standard input names its table relative to the working directory: it used to be looked for
    /// in /dev, the folder of /dev/stdin.
    @Test("a scenario on standard input reads its table from the working directory")
    func tableFromStandardInput() throws {
        let folder = try Self.folder(
            "fairshare-stdin-table",
            holding: [
                "drechtsteden-from-table.json": "drechtsteden-from-table.json",
                "drechtsteden-gemeenten.csv": "drechtsteden-gemeenten.csv",
            ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let piped = try run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "'\(try builtFairshare().path)' solve - --format json < drechtsteden-from-table.json"], in: folder)
        #expect(piped.status == 0, "\(piped.stderr)")
        let file = try fairshare(["solve", "drechtsteden-from-table.json", "--format", "json"], in: folder)
        #expect(file.status == 0, "\(file.stderr)")
        #expect(piped.stdout == file.stdout)
    }

    // MARK: - fairshare init --from

    @Test("init --from shows a header with an escape sequence, a line break or U+202E as one plain line")
    func initFromHostileHeader() throws {
        let folder = try temporaryDirectory("fairshare-init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = Repository.root.appendingPathComponent("\(Self.scenarios)/drechtsteden-gemeenten.csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        try text.replacingOccurrences(of: ";75-plussers", with: ";\"Ouderen\u{1B}[2J\r\nvervalst\u{202E}regel\"")
            .write(to: folder.appendingPathComponent("gemeenten.csv"), atomically: true, encoding: .utf8)
        let output = try fairshare(["init", "--from", "gemeenten.csv"], in: folder)
        for stream in [output.stdout, output.stderr] {
            #expect(!stream.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0 == "\r" })
        }
        // The column is listed on one line: the escape and the line break as spaces, U+202E left out.
        #expect(output.stdout.contains(#""Ouderen [2J  vervalstregel""#), "\(output)")
    }

    @Test("init --from writes a starter scenario that validates, names the table and says what it guessed")
    func initFrom() throws {
        let folder = try Self.folder("fairshare-init", holding: ["drechtsteden-gemeenten.csv": "gemeenten.csv"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try fairshare(["init", "--from", "gemeenten.csv", "--name", "Drechtsteden"], in: folder)
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains(#"  E  "Sociale huur"           → stock.social-rent"#), "\(output)")
        #expect(output.stdout.contains("valid: Drechtsteden: 7 municipalities"))
        let validate = try fairshare(["validate", "gemeenten.json"], in: folder)
        #expect(validate.status == 0, "\(validate)")
        #expect(
            validate.stdout
                == "valid: Drechtsteden: 7 municipalities, 4 segments, 0 priority groups, 0 care qualities, 0 variants\n"
        )
        // The mapping, header by header, as the CSV's row 1 names the Drechtsteden scenario's fields.
        let written = try JSONParser().parse(
            try String(contentsOf: folder.appendingPathComponent("gemeenten.json"), encoding: .utf8))
        let table = try #require(written.value(at: ["municipalityTable"])?.object)
        #expect(table["file"] == .string("gemeenten.csv"))
        #expect(table["locale"] == .string("nl"))
        let columns = try #require(table["columns"]?.object)
        let expected: [(String, String)] = [
            ("id", "CBS-code"), ("name", "Gemeente"), ("population", "Inwoners"), ("households", "Huishoudens"),
            ("stock.social-rent", "Sociale huur"), ("stock.mid-rent", "Middenhuur"),
            ("stock.affordable-owner", "Betaalbare koop"), ("stock.market", "Vrije sector"),
            ("newHomes.min", "Nieuwbouw min"), ("newHomes.max", "Nieuwbouw max"), ("lettings", "Verhuringen"),
            ("maxPriorityShare", "Max. aandeel urgenten"), ("attributes.75-plussers", "75-plussers"),
        ]
        #expect(columns.keys == expected.map(\.0))
        #expect(columns.members.map(\.value) == expected.map { .string($0.1) })
        // The municipalities it reads are the Drechtsteden scenario's (the attribute under another name).
        let drechtsteden = try ScenarioLoader().load(contentsOf: Repository.scenario("drechtsteden.json"))
        let loaded = try ScenarioLoader().load(contentsOf: folder.appendingPathComponent("gemeenten.json"))
        #expect(loaded.municipalities.map(\.stock) == drechtsteden.municipalities.map(\.stock))
        #expect(loaded.municipalities.map(\.newHomes) == drechtsteden.municipalities.map(\.newHomes))
        #expect(
            loaded.municipalities.map { $0.attributes["75-plussers"] }
                == drechtsteden.municipalities.map { $0.attributes["elderly75"] })

        // It never overwrites a scenario unless told to.
        let again = try fairshare(["init", "--from", "gemeenten.csv"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists; choose another --output, or --force to replace it"))
    }

    /// The scenario used to be written through a temporary file renamed over `--output`: with `--force` that
    /// replaced a symbolic link by a file, and a device (as root: /dev/null itself) by a regular file.
    @Test("init --force writes through a symbolic link and never replaces a device or a folder")
    func initOutputThatIsNoFile() throws {
        let folder = try Self.folder("fairshare-init", holding: ["drechtsteden-gemeenten.csv": "gemeenten.csv"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = FileManager.default

        // A link to an older scenario: the link stays, the file it points to gets the new scenario.
        try "{}".write(to: folder.appendingPathComponent("older.json"), atomically: true, encoding: .utf8)
        try files.createSymbolicLink(
            atPath: folder.appendingPathComponent("regio.json").path, withDestinationPath: "older.json")
        let linked = try fairshare(
            ["init", "--from", "gemeenten.csv", "--output", "regio.json", "--force"], in: folder)
        #expect(linked.status == 0, "\(linked)")
        #expect(
            try files.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("regio.json").path)
                == "older.json")
        let older = try String(contentsOf: folder.appendingPathComponent("older.json"), encoding: .utf8)
        #expect(older.contains("\"municipalityTable\""))

        // A folder and a pipe are refused before anything is written, and stay what they were.
        try files.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: false)
        #expect(mkfifo(folder.appendingPathComponent("pipe").path, 0o600) == 0)
        var special = [("out", "a directory"), ("pipe", "a pipe")]
        // A character device like /dev/null (major 1, minor 3), where this user may make one (root, as in CI).
        #if os(Linux)
            if mknod(folder.appendingPathComponent("null").path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {
                special.append(("null", "a device"))
            }
        #endif
        for (name, kind) in special {
            let output = try fairshare(["init", "--from", "gemeenten.csv", "--output", name, "--force"], in: folder)
            #expect(output.status == 1, "\(name): \(output)")
            #expect(output.stderr.contains("is \(kind), not a file"), "\(output)")
            var info = stat()
            #expect(lstat(folder.appendingPathComponent(name).path, &info) == 0)
            #expect(info.st_mode & S_IFMT != S_IFREG, "\(name) was replaced by a regular file")
        }
    }
}
