// Structure-aware fuzzing (FAIRSHARE_FUZZ_MODE=edits): each input is read as up to 12 edits of a valid base
// scenario — a field and a value from a table of awkward numbers (0, -0, 1e-300, 2^53, 1e300, …), a switch of
// the solver to integer or of the norm to max, a requirement made soft — so that most inputs reach validation's
// deeper checks, the formulation and GLPK with extreme coefficients. Same invariants as the byte target.
import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import Foundation

enum EditFuzz {
    /// The base documents: the shipped scenarios and two synthetic regions.
    static let bases: [JSONValue] = {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Scenarios").standardizedFileURL
        var out: [JSONValue] = []
        for name in ["three-towns", "drechtsteden"] {
            if let document = try? ScenarioLoader().document(contentsOf: scenarios.appendingPathComponent("\(name).json")) {
                out.append(document)
            }
        }
        out.append(SyntheticRegion.document(municipalities: 3, seed: 7))
        out.append(SyntheticRegion.document(municipalities: 12, seed: 8))
        return out
    }()

    /// Every place an edit can write, per base: each numeric leaf, and for every municipality and segment the
    /// optional limits, realised homes and capacity sides.
    static let places: [[JSONPath]] = bases.map { base in
        var paths: [JSONPath] = []
        func walk(_ value: JSONValue, _ path: JSONPath) {
            switch value {
            case .number: paths.append(path)
            case .object(let object):
                guard path.components.first != "variants" else { return }
                for (key, member) in object.members { walk(member, path + key) }
            case .array(let elements):
                for (index, element) in elements.enumerated() { walk(element, path + .index(index)) }
            default: break
            }
        }
        walk(base, .root)
        let segments = base.value(at: ["segments"])?.object?.keys ?? []
        for municipality in base.value(at: ["municipalities"])?.object?.keys ?? [] {
            let here = JSONPath(members: ["municipalities", municipality])
            paths += [here + ["newHomes", "min"], here + ["newHomes", "max"], here + ["lettings"],
                here + ["maxPriorityShare"]]
            for segment in segments {
                paths.append(here + "realised" + segment)
                for side in ["min", "max", "minNewShare", "maxNewShare", "minStockShare", "maxStockShare"] {
                    paths.append(here + "limits" + segment + side)
                }
            }
        }
        paths += [["region", "newHomes", "min"], ["region", "newHomes", "max"], ["solver", "mipGap"]]
        return paths
    }

    /// Awkward numbers.
    static let values: [Double] = [
        0, -0.0, 1, 0.5, 0.3, 0.999999, 1e-300, 1e-9, 2, 3, 7, 100, 1e6, 1e9, 1e12, 1e15, 9007199254740993,
        1e18, 9.3e18, 1e20, 1e100, 1e300, 1.7976931348623157e308, 5e-324, 12345.678, 33.3333333333,
    ]

    static func run(_ bytes: [UInt8]) {
        guard let scenario = scenario(from: bytes, bases: Array(bases.indices)) else { return }
        FuzzRun.solve(scenario)
    }

    /// The scenario that `bytes` make as edits of one of the bases with the indices `among` (the first byte picks
    /// it), or `nil` when the bytes are too few or the edited file is invalid (which is then checked as such).
    static func scenario(from bytes: [UInt8], bases among: [Int]) -> Scenario? {
        guard bytes.count >= 2, !among.isEmpty else { return nil }
        let which = among[Int(bytes[0]) % among.count]
        var document = bases[which]
        let paths = places[which]
        var index = 1
        var edits = 0
        while index + 2 < bytes.count && edits < 12 {
            let kind = bytes[index]
            let place = (Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])) % max(1, paths.count)
            index += 3
            edits += 1
            switch kind % 16 {
            case 0:
                document = document.setting(.bool(true), at: ["solver", "integer"])
                document = document.setting(.number(0.5), at: ["solver", "timeLimit"])
            case 1:
                document = document.setting(.object(JSONObject([("norm", .string(kind & 0x10 == 0 ? "max" : "sum"))])),
                    at: ["fairness"])
            case 2:
                // Make a requirement soft: the first target, group or care quality found at this place.
                for collection in [["region", "targets"], ["priorityGroups"], ["care"]] {
                    if let id = document.value(at: JSONPath(members: collection))?.object?.keys.first {
                        document = document.setting(.string("soft"), at: JSONPath(members: collection + [id, "mode"]))
                        break
                    }
                }
            case 3:
                // Remove the value at this place (a merge patch with null).
                let path = paths[place]
                if let last = path.last?.name {
                    let parent = path.dropLast()
                    if var object = document.value(at: parent)?.object {
                        object[last] = nil
                        document = document.setting(.object(object), at: parent)
                    }
                }
            default:
                let value: Double
                if kind % 16 == 15, index + 8 <= bytes.count {
                    // Any double at all, from the next 8 bytes (finite ones only reach validation).
                    var bits: UInt64 = 0
                    for byte in bytes[index..<index + 8] { bits = bits << 8 | UInt64(byte) }
                    index += 8
                    value = Double(bitPattern: bits)
                } else {
                    value = values[Int(kind >> 4) % values.count] * (kind & 0x08 == 0 ? 1 : -1)
                }
                guard value.isFinite else { continue }
                document = document.setting(.number(value), at: paths[place])
            }
        }
        // FAIRSHARE_FUZZ_PRINT=1 (running one input, to turn a finding into a test): the edited scenario on stderr.
        if ProcessInfo.processInfo.environment["FAIRSHARE_FUZZ_PRINT"] != nil {
            FileHandle.standardError.write(Data(JSONWriter.text(document).utf8))
        }
        let loader = ScenarioLoader(limits: FuzzCaps.limits)
        do {
            return try loader.read(document)
        } catch {
            FuzzRun.check(error)
            return nil
        }
    }
}
