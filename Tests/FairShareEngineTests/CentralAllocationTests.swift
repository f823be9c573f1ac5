import FairShareScenario
import FairShareSynthetic
import FairShareTestSupport
import Foundation
import GLPKSolver
import LinearModel
import PropertyBased
import Testing

@testable import FairShareEngine

/// Ranges and the central allocation (the project's "How firm is the answer?"): hand-worked faces, every range
/// against its own LPs on a fresh problem, and the independent scipy-HiGHS reference of `Reference/`.
@Suite("Ranges and the central allocation")
struct CentralAllocationTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let scenarios = Repository.scenarios

    /// A box: nothing couples the two municipalities (no fair rule, no regional total), so every allocation with
    /// A in 10…30 and B in 0…8 is optimal (fairness 0). The centre is the middle of each range: 20 and 4.
    @Test("a box: the middle of every range")
    func box() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "box", "segments": {"homes": {}},
             "municipalities": {"A": {"name": "A", "population": 1, "newHomes": {"min": 10, "max": 30}},
                                "B": {"name": "B", "population": 1, "newHomes": {"max": 8}}}}
            """)
        #expect(result.status == .optimal && result.allocation == .central)
        #expect(result["A"].ranges?.newHomes["homes"] == FigureRange(min: 10, max: 30))
        #expect(result["B"].ranges?.newHomes["homes"] == FigureRange(min: 0, max: 8))
        #expect(isClose(result["A"].newHomes["homes"], 20))
        #expect(isClose(result["B"].newHomes["homes"], 4))
        #expect(result.region.ranges?.total == FigureRange(min: 10, max: 38))
        #expect(result.warnings.contains { $0.kind == .freeTotal && $0.path == "region.newHomes" })
    }

    /// Not a box: 100 homes over A ≤ 60, B ≤ 60, C ≤ 10. Ranges A, B 30…60 (the others take at most 70), C 0…10;
    /// the middles 45 + 45 + 5 = 95 miss the total. By symmetry A = B = a and C = 100 − 2a; p_A = (60 − a) / 30
    /// falls and p_C = (2a − 90) / 10 rises with a (while C ≥ 5), so the leximin point equalises them:
    /// 60 − a = 6a − 270, a = 330/7 ≈ 47.143, C = 40/7 ≈ 5.714, every p = 3/7.
    @Test("not a box: the figures as near the middle as the others allow")
    func notABox() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "not a box", "segments": {"homes": {}},
             "region": {"newHomes": 100},
             "municipalities": {"A": {"name": "A", "population": 1, "newHomes": {"max": 60}},
                                "B": {"name": "B", "population": 1, "newHomes": {"max": 60}},
                                "C": {"name": "C", "population": 1, "newHomes": {"max": 10}}}}
            """)
        #expect(result.status == .optimal)
        #expect(result["A"].ranges?.newHomes["homes"] == FigureRange(min: 30, max: 60))
        #expect(result["C"].ranges?.newHomes["homes"] == FigureRange(min: 0, max: 10))
        #expect(isClose(result["A"].newHomes["homes"], 330.0 / 7, tolerance: 1e-6))
        #expect(isClose(result["B"].newHomes["homes"], 330.0 / 7, tolerance: 1e-6))
        #expect(isClose(result["C"].newHomes["homes"], 40.0 / 7, tolerance: 1e-6))
    }

    /// `allocation: "any"`: no ranges, and a warning that the allocation is one of many.
    @Test("allocation any: no ranges, a warning")
    func anyAllocation() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "any", "segments": {"homes": {}},
             "solver": {"allocation": "any"},
             "municipalities": {"A": {"name": "A", "population": 1, "newHomes": {"min": 10, "max": 30}}}}
            """)
        #expect(result.allocation == .any)
        #expect(result["A"].ranges == nil && result.region.ranges == nil)
        #expect(result.warnings.map(\.kind) == [.oneOfMany])
    }

    /// Every range against min and max of its variable solved on a fresh GLPK problem: the programme with every
    /// level row (the last included), one LP per extreme, nothing reused.
    @Test(
        "every range equals its min and max solved on a fresh problem",
        arguments: [
            "three-towns.json", "drechtsteden.json",
        ])
    func rangesAgainstFreshLPs(file: String) throws {
        let scenario = try ScenarioLoader().load(contentsOf: Self.scenarios.appendingPathComponent(file))
        try Self.checkRangesAgainstFreshLPs(scenario, label: file)
    }

    @Test("every range of small synthetic regions equals its fresh min and max", arguments: [3, 5, 8])
    func syntheticRangesAgainstFreshLPs(size: Int) throws {
        try Self.checkRangesAgainstFreshLPs(
            SyntheticRegion.scenario(municipalities: size, seed: UInt64(size) * 7919),
            label: "synthetic \(size)")
    }

    static func checkRangesAgainstFreshLPs(_ scenario: Scenario, label: String) throws {
        let result = FairShare.solve(scenario)
        try #require(result.status == .optimal && result.allocation == .central, "\(label): \(result.status)")
        let program = FairShareProgram(scenario)
        var face = program.model
        for level in program.levels {
            var model = face
            model.minimize(level.expression)
            let solution = try Solver.solve(model)
            let optimum = try #require(solution.objectiveValue)
            face.add(level.expression <= optimum + FairShare.levelTolerance * max(1, abs(optimum)))
        }
        func extreme(_ name: String, maximise: Bool) throws -> Double {
            let index = try #require(face.variables.firstIndex { $0.name == name }, "\(name) is not in the model")
            var model = face
            if maximise {
                model.maximize(LinearExpression(Variable(index: index)))
            } else {
                model.minimize(LinearExpression(Variable(index: index)))
            }
            return try #require(Solver.solve(model).objectiveValue)
        }
        func check(_ name: String, _ range: FigureRange?) throws {
            let range = try #require(range, "\(label): no range for \(name)")
            let low = try extreme(name, maximise: false)
            let high = try extreme(name, maximise: true)
            #expect(abs(range.min - low) <= 1e-4 * max(1, abs(low)), "\(label) \(name): min \(range.min) vs \(low)")
            #expect(abs(range.max - high) <= 1e-4 * max(1, abs(high)), "\(label) \(name): max \(range.max) vs \(high)")
        }
        for municipality in result.municipalities {
            let ranges = try #require(municipality.ranges)
            for (segment, range) in ranges.newHomes { try check("x[\(municipality.id),\(segment)]", range) }
            for (group, range) in ranges.placements { try check("y[\(municipality.id),\(group)]", range) }
            for (quality, range) in ranges.care { try check("z[\(municipality.id),\(quality)]", range) }
            try check("n[\(municipality.id)]", ranges.total)
            for (segment, value) in municipality.newHomes {
                #expect(ranges.newHomes[segment]?.contains(value, tolerance: 1e-6) == true, "\(label)")
            }
        }
        let region = try #require(result.region.ranges)
        for (segment, range) in region.newHomes { try check("X[\(segment)]", range) }
        try check("N", region.total)
    }

    /// The independent reference: the same scenarios solved with scipy's HiGHS by `scripts/reference/central.py`
    /// (two LPs per range, one blocking LP per figure and stage). docs/model.md §8: two correct implementations agree within
    /// 1e-3 · max(1, hi − lo) per figure.
    @Test(
        "agrees with the independent scipy-HiGHS reference",
        arguments: [
            ("three-towns.json", "three-towns.json", nil),
            ("drechtsteden.json", "drechtsteden.json", nil),
            ("drechtsteden.json", "drechtsteden.population-and-social-stock.json", "population-and-social-stock"),
            ("drechtsteden.json", "drechtsteden.affordable-soft.json", "affordable-soft"),
            ("drechtsteden.json", "drechtsteden.max-norm.json", "max-norm"),
            ("drechtsteden.json", "drechtsteden.zh-one-third.json", "zh-one-third"),
            ("drechtsteden.json", "drechtsteden.converge-to-30.json", "converge-to-30"),
        ] as [(String, String, String?)])
    func reference(file: String, reference: String, variant: String?) throws {
        let loader = ScenarioLoader()
        var scenario = try loader.load(contentsOf: Self.scenarios.appendingPathComponent(file))
        if let variant { scenario = try loader.applying(variant: variant, to: scenario) }
        let result = FairShare.solve(scenario)
        try #require(result.status == .optimal && result.allocation == .central)
        let data = try Data(
            contentsOf: Self.folder.appendingPathComponent("Reference").appendingPathComponent(reference))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let figures = try #require(document["figures"] as? [String: [String: Double]])
        var compared = 0
        func compare(_ name: String, value: Double?, range: FigureRange?) {
            guard let expected = figures[name], let low = expected["min"], let high = expected["max"] else {
                Issue.record("\(reference): \(name) is missing from the reference")
                return
            }
            compared += 1
            let tolerance = centreTolerance(width: high - low, value: high)
            #expect(
                abs((range?.min ?? .nan) - low) <= tolerance, "\(reference) \(name) min: \(String(describing: range))")
            #expect(
                abs((range?.max ?? .nan) - high) <= tolerance, "\(reference) \(name) max: \(String(describing: range))")
            if let value, let centre = expected["centre"] {
                #expect(abs(value - centre) <= tolerance, "\(reference) \(name): \(value), reference \(centre)")
            }
        }
        for m in result.municipalities {
            for (s, v) in m.newHomes { compare("x[\(m.id),\(s)]", value: v, range: m.ranges?.newHomes[s]) }
            for (g, v) in m.placements { compare("y[\(m.id),\(g)]", value: v, range: m.ranges?.placements[g]) }
            for (c, v) in m.care { compare("z[\(m.id),\(c)]", value: v, range: m.ranges?.care[c]) }
            compare("N[\(m.id)]", value: m.total, range: m.ranges?.total)
        }
        for (s, v) in result.region.newHomes { compare("X[\(s)]", value: v, range: result.region.ranges?.newHomes[s]) }
        #expect(
            compared == figures.count - (figures.keys.filter { $0.hasPrefix("Y[") || $0.hasPrefix("Z[") }.count),
            "\(reference): compared \(compared) of \(figures.count) figures")
    }
}

/// The central allocation does not depend on the solver's path: names, order, method and starting basis.
@Suite("Property: the central allocation is unique")
struct CentralAllocationPropertyTests {
    /// Every allocated figure of `b` (ids mapped by `rename`) within 1e-3 · max(1, range width) of `a`'s.
    static func sameCentre(
        _ a: FairShareResult, _ b: FairShareResult, rename: (String) -> String = { $0 }, label: String
    ) -> Bool {
        guard a.status == b.status, a.hasAllocation else { return a.status == b.status }
        var same = true
        for m in a.municipalities {
            guard let other = b.municipalities.first(where: { $0.id == rename(m.id) }) else { return false }
            let pairs = [
                (m.newHomes, other.newHomes, m.ranges?.newHomes),
                (
                    m.placements, other.placements,
                    m.ranges?.placements
                ), (m.care, other.care, m.ranges?.care),
            ]
            for (values, others, ranges) in pairs {
                for (id, value) in values {
                    let width = ranges?[id]?.width ?? 0
                    let otherValue = others[id] ?? .nan
                    if !(abs(value - otherValue) <= centreTolerance(width: width, value: value)) {
                        Issue.record("\(label): \(m.id) \(id): \(value) vs \(otherValue) (range width \(width))")
                        same = false
                    }
                }
            }
        }
        return same
    }

    /// A generated region solved as it is and with its municipalities renamed and shuffled, and the new name of
    /// each old one.
    static func solvedAndRenamed(size: Int, seed: UInt64, perturbation: UInt64) throws -> (
        original: FairShareResult, renamed: FairShareResult, names: [String: String]
    ) {
        let document = ScenarioGenerator.document(municipalities: size, seed: seed, perturbation: perturbation)
        let (relisted, names) = ScenarioGenerator.renamedAndShuffled(document, seed: perturbation ^ 0xCE27)
        let original = FairShare.solve(try ScenarioGenerator.load(document))
        let renamed = FairShare.solve(try ScenarioGenerator.load(relisted))
        return (original, renamed, names)
    }

    @Test("renaming and reordering municipalities changes no figure of the central allocation")
    func renameAndReorder() async {
        let cases = PropertyCases()
        await propertyCheck(
            count: 25, input: Gen.int(in: 2...8), Gen.uint64(in: 1...1_000_000_000),
            Gen.uint64(in: 0...UInt64.max)
        ) { size, seed, perturbation in
            let label = "size \(size), seed \(seed), perturbation \(perturbation)"
            do {
                let (original, renamed, names) = try Self.solvedAndRenamed(
                    size: size, seed: seed, perturbation: perturbation)
                #expect(Self.sameCentre(original, renamed, rename: { names[$0]! }, label: label))
                if original.allocation == .central { cases.checked() }
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
        cases.expectChecked(atLeast: 10, "generated scenarios with a central allocation to compare")
    }

    /// Found by the property test below: GLPK found a warm basis singular to working precision in a range LP; the
    /// face's solves now retry from the standard basis and then through the presolver.
    @Test("a 2-municipality region whose range LP hit a singular basis still gets its central allocation")
    func singularBasisFinding() {
        let result = FairShare.solve(SyntheticRegion.scenario(municipalities: 2, seed: 820_873_457))
        #expect(result.status == .optimal && result.allocation == .central, "\(result.warnings.map(\.message))")
    }

    /// Found by the renaming property below: the same 7 municipalities under other names reached a lower floor in
    /// the sixth stage of the centre (0.439 instead of 0.456, with the same holds before it), so several figures
    /// ended up to 31 homes from where the original names put them; scipy-HiGHS (scripts/reference/central.py)
    /// gives a third answer on the original and fails on the renamed one. The face is ill-conditioned there: in the
    /// fourth stage GM0005's mid-rent homes had a dual of 1.5e-5 under the new names and none under the old, so
    /// that raising them by Δ in p cost GM0001's held affordable-owner homes only 1.5e-5 Δ, and a difference of
    /// 2e-7 in the fourth stage's τ* (GLPK's default tolerances of 1e-7) decided where they ended. Fixed by solving
    /// the stages with tolerances of 1e-10 (`CentralAllocation.stageTolerances`).
    @Test(
        "renamed, a region whose centre depended on GLPK's tolerances",
        arguments: [
            (7, 877_223_171, 8_809_030_478_158_877_826),
            // The same kind, found by a scan of 3,000 cases: 6 municipalities 126 times the tolerance apart.
            (6, 874_174_042, 4_263_294_426_138_662_883),
        ] as [(Int, UInt64, UInt64)])
    func renamedStageStopsShort(size: Int, seed: UInt64, perturbation: UInt64) throws {
        let (original, renamed, names) = try Self.solvedAndRenamed(size: size, seed: seed, perturbation: perturbation)
        try #require(original.allocation == .central && renamed.allocation == .central)
        #expect(Self.sameCentre(original, renamed, rename: { names[$0]! }, label: "renamed"))
    }

    /// Found by a scan of generated regions: a range LP of 30 rows on which GLPK's primal simplex cycled for 17
    /// million iterations until the time limit (60 s), so the result was not the central allocation. A simplex run
    /// on the face is now stopped after 20 iterations per row and the LP solved from the standard basis.
    @Test(
        "a range LP on which the primal simplex cycled still gives the central allocation",
        arguments: [(2, 104_509_703, 5_974_668_316_581_859_126), (8, 28_164_853, 34_358_846_762_682_915)]
            as [(Int, UInt64, UInt64)])
    func cyclingRangeLP(size: Int, seed: UInt64, perturbation: UInt64) throws {
        let document = ScenarioGenerator.document(municipalities: size, seed: seed, perturbation: perturbation)
        let start = ContinuousClock.now
        let result = FairShare.solve(try ScenarioGenerator.load(document))
        #expect(result.allocation == .central, "\(result.warnings.map(\.message))")
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    /// Found by the renaming property in CI (2026-11-28): renamed and reordered, an 8-municipality region put GM0005's
    /// affordable-owner homes at 468.399647 instead of 468.400916, 0.0013 apart in a range 0.37 wide (the property
    /// allows 0.001). The first stage held GM0005's mid-rent under one order (dual 0.095) but not under the other
    /// (dual 1e-15), where the second stage lifted it from p = 0.2273 to 0.2311 through the holding intervals of the
    /// five figures held before it: those reached 1e-7 of their value beyond it, up to 7e-3 of a range as narrow as
    /// GM0002's affordable-owner homes (0.055 wide at 4,073). The reach is now at most 1e-5 of the range.
    @Test("renamed, an 8-municipality region whose centre moved 0.0013 homes")
    func renamedCentreMovesSlightly() throws {
        let perturbation: UInt64 = 10_699_165_247_371_632_859
        let (original, renamed, names) = try Self.solvedAndRenamed(
            size: 8, seed: 162_213_965, perturbation: perturbation)
        try #require(original.allocation == .central && renamed.allocation == .central)
        #expect(Self.sameCentre(original, renamed, rename: { names[$0]! }, label: "renamed"))
    }

    /// Found by the scan that chose the stages' tolerances of 1e-10 (9,500 generated regions, each against itself
    /// renamed and shuffled): at 1e-10 this 8-municipality region's centre moves 0.0067 homes in a range 0.2 wide
    /// when renamed, 6.7 times what the property allows; at GLPK's default 1e-7 it agreed, but 9 others, up to 31
    /// homes apart, did not. Open: recorded as a known issue, so that this test fails once it is fixed.
    @Test("renamed, an 8-municipality region whose centre moves 0.0067 homes at the tight tolerances (known issue)")
    func renamedCentreAtTightTolerances() throws {
        let perturbation: UInt64 = 2_075_032_678_507_941_829
        let (original, renamed, names) = try Self.solvedAndRenamed(
            size: 8, seed: 421_307_454, perturbation: perturbation)
        try #require(original.allocation == .central && renamed.allocation == .central)
        withKnownIssue("the centre's stages depend on the solver's path here") {
            #expect(Self.sameCentre(original, renamed, rename: { names[$0]! }, label: "renamed"))
        }
    }

    @Test("the interior-point method and other starting bases give the same central allocation")
    func methodAndBasis() async {
        let cases = PropertyCases()
        await propertyCheck(count: 15, input: Gen.int(in: 2...10), Gen.uint64(in: 1...1_000_000_000)) { size, seed in
            let label = "size \(size), seed \(seed)"
            let scenario = SyntheticRegion.scenario(municipalities: size, seed: seed)
            let simplex = FairShare.solve(scenario)
            let interior = FairShare.solve(try! scenario.edited { $0.solver.method = .interior })
            let advanced = FairShare.$startingBasisForTesting.withValue(.advanced) { FairShare.solve(scenario) }
            let bixby = FairShare.$startingBasisForTesting.withValue(.bixby) { FairShare.solve(scenario) }
            #expect(simplex.allocation == .central, "\(label)")
            #expect(Self.sameCentre(simplex, interior, label: "\(label), interior"))
            #expect(Self.sameCentre(simplex, advanced, label: "\(label), advanced basis"))
            #expect(Self.sameCentre(simplex, bixby, label: "\(label), Bixby's basis"))
            cases.checked()
        }
        cases.expectChecked(atLeast: 15)
    }
}

/// A figure nothing bounds from above: no middle, so a warning instead of a centre.
@Suite("Unbounded figures")
struct UnboundedFigureTests {
    /// No capacity, no regional total, no fair rule: A's homes can be anything from 5 up at fairness 0.
    @Test("a figure without an upper bound gets max null and a warning that names it")
    func unbounded() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "open", "segments": {"homes": {}},
             "municipalities": {"A": {"name": "Aldorp", "population": 1, "newHomes": {"min": 5}}}}
            """)
        #expect(result.status == .optimal && result.allocation == .central)
        let range = try #require(result["A"].ranges?.newHomes["homes"])
        #expect(isClose(range.min, 5) && range.max == .infinity)
        let warning = try #require(result.warnings.first { $0.kind == .unboundedFigure })
        #expect(warning.path == "municipalities.A.newHomes" && warning.message.contains("homes in Aldorp"))
        #expect(result.jsonText.contains("\"max\": null"))
    }
}

/// Segments renamed (so that they sort the other way) and listed in reverse order: the same central allocation.
@Suite("Property: segment names and order")
struct SegmentInvarianceTests {
    @Test(
        "renaming and reordering segments changes no figure of the central allocation",
        arguments: [
            "three-towns.json", "drechtsteden.json",
        ])
    func renameAndReorderSegments(file: String) throws {
        let loader = ScenarioLoader()
        let original = try loader.load(contentsOf: CentralAllocationTests.scenarios.appendingPathComponent(file))
        // New ids: "z9-" down to "z0-" before the old one, so that the sorted order reverses; every quoted
        // occurrence of an id is a reference to the segment (keys of stock, limits, targets' segment lists, …).
        var names: [String: String] = [:]
        for (k, segment) in original.segments.enumerated() { names[segment.id] = "z\(9 - k)-\(segment.id)" }
        var text = JSONWriter.text(original.document)
        for (old, new) in names { text = text.replacingOccurrences(of: "\"\(old)\"", with: "\"\(new)\"") }
        var renamed = try loader.load(json: text)
        var document = try #require(renamed.document.object)
        let segments = try #require(document["segments"]?.object)
        document["segments"] = .object(JSONObject(segments.members.reversed()))
        renamed = try loader.read(.object(document))
        #expect(renamed.segments.map(\.id) == original.segments.reversed().map { names[$0.id]! })

        let a = FairShare.solve(original)
        let b = FairShare.solve(renamed)
        try #require(a.allocation == .central && b.allocation == .central)
        var compared = 0
        for (m, n) in zip(a.municipalities, b.municipalities) {
            for (segment, value) in m.newHomes {
                let width = m.ranges?.newHomes[segment]?.width ?? 0
                let other = n.newHomes[names[segment]!] ?? .nan
                #expect(abs(value - other) <= 1e-3 * max(1, width), "\(file) \(m.id) \(segment): \(value) vs \(other)")
                compared += 1
            }
            for (group, value) in m.placements {
                #expect(
                    abs(value - (n.placements[group] ?? .nan)) <= 1e-3 * max(1, m.ranges?.placements[group]?.width ?? 0)
                )
            }
        }
        #expect(compared == original.municipalities.count * original.segments.count)
    }
}

/// How closely two correct implementations agree on a figure of the central allocation (docs/model.md §8): within
/// 1e-3 · max(1, width) of the same centre; a figure whose range is at most `CentralAllocation.freeWidth` wide has no
/// centre and may sit anywhere in its range.
func centreTolerance(width: Double, value: Double) -> Double {
    width <= CentralAllocation.freeWidth ? width + 1e-6 * max(1, abs(value)) : 1e-3 * max(1, width)
}
