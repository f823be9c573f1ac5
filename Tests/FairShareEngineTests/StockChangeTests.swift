import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Testing

/// Stock changes besides new building (docs/model.md §2, `stockChanges`): every stock share uses the net stock.
@Suite("Stock changes besides new building")
struct StockChangeTests {
    /// The housing associations' agreement to take at least 2,300 social homes out of the stock, spread here over
    /// the seven municipalities (an illustration, not their plan).
    static let demolition: [String: Double] = [
        "GM0482": 150, "GM0505": 930, "GM0523": 125, "GM0531": 175, "GM0590": 250, "GM0610": 220, "GM0642": 450,
    ]
    /// Social-rent and whole stock from Scenarios/drechtsteden.json.
    static let stock: [String: (social: Double, total: Double)] = [
        "GM0482": (2427, 8345), "GM0505": (15095, 55090), "GM0523": (2035, 7310), "GM0531": (2822, 12270),
        "GM0590": (4086, 14305), "GM0610": (3530, 10665), "GM0642": (7331, 20365),
    ]

    @Test("demolishing 2,300 social homes moves every converge fair share as worked out by hand")
    func demolition() throws {
        #expect(Self.demolition.values.reduce(0, +) == 2300)
        let base = try ScenarioLoader().load(contentsOf: Repository.scenario("drechtsteden.json"))
            .applying(variant: "converge-to-30")
        let demolished = try base.edited { definition in
            for index in definition.municipalities.indices {
                let id = definition.municipalities[index].id
                definition.municipalities[index].stockChanges = StockChanges(
                    demolition: ["social-rent": Self.demolition[id]!])
            }
        }
        let result = FairShare.solve(demolished)
        #expect(result.status == .optimal)
        #expect(IndependentCheck.violations(of: result, in: demolished).isEmpty)
        for municipality in result.municipalities {
            let (social, total) = Self.stock[municipality.id]!
            let d = Self.demolition[municipality.id]!
            let n = municipality.total
            // Converge to 30%: F = 0.3 (T − d + N) − (E − d), with the allocation's own N.
            let expected = 0.3 * (total - d + n) - (social - d)
            #expect(isClose(municipality.fairShare["social-rent"], expected, tolerance: 1e-6), "\(municipality.name)")
            let x = municipality.newHomes["social-rent"] ?? 0
            #expect(
                isClose(
                    municipality.stockShareAfter["social-rent"], (social - d + x) / (total - d + n), tolerance: 1e-6))
            #expect(isClose(municipality.stockShareBefore["social-rent"], social / total, tolerance: 1e-6))
        }
        // Against the same allocation without the demolition, each fair share moves by 0.7 d: less social stock
        // to count, and a smaller whole stock to take 30% of.
        let withoutDemolition = try base.edited { _ in }
        let unchanged = FairShare.solve(withoutDemolition)
        var compared = 0
        for (before, after) in zip(unchanged.municipalities, result.municipalities)
        where abs(before.total - after.total) < 1e-6 {
            compared += 1
            let d = Self.demolition[after.id]!
            #expect(
                isClose(
                    (after.fairShare["social-rent"] ?? 0) - (before.fairShare["social-rent"] ?? 0), 0.7 * d,
                    tolerance: 1e-6), "\(after.name)")
        }
        #expect(compared >= 1, "only \(compared) municipalities build the same total with and without demolition")
    }

    @Test(
        "demolition above the stock, a transfer of more than is left, an unknown segment: refused with their paths",
        arguments: [
            (#""stockChanges": {"demolition": {"social": 11}}"#, "municipalities.A.stockChanges.demolition.social"),
            (
                #""stockChanges": {"demolition": {"social": 5}, "transfers": [{"from": "social", "to": "middle", "homes": 6, "kind": "liberalisation"}]}"#,
                "municipalities.A.stockChanges.transfers[0].homes"
            ),
            (
                #""stockChanges": {"transfers": [{"from": "villa", "to": "middle", "homes": 1, "kind": "sale"}]}"#,
                "municipalities.A.stockChanges.transfers[0].from"
            ),
            (
                #""stockChanges": {"transfers": [{"from": "social", "to": "middle", "homes": 1, "kind": "gift"}]}"#,
                "municipalities.A.stockChanges.transfers[0].kind"
            ),
        ])
    func refused(changes: String, path: String) throws {
        let json = """
            {"format": "fairshare-scenario/1", "name": "x", "segments": {"social": {}, "middle": {}},
             "municipalities": {"A": {"name": "A", "stock": {"social": 10, "middle": 90}, \(changes)}}}
            """
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader().load(json: json) }
        #expect(error?.issues.contains { $0.path.description == path } == true, "\(String(describing: error))")
    }
}
