import FairShareEngine
import FairShareScenario

/// A result's warning in the report's language. The engine writes its warnings in English; a Dutch report writes
/// the ones it can rebuild from the result's own figures anew — the regional totals no requirement decides, with
/// their ranges, and the allocation that is one of many — and keeps the others as the engine wrote them, marked
/// "(in het Engels)".
enum WarningText {
    /// The warning's text for a report in `language`, its numbers written by `numbers`.
    static func text(
        _ warning: ResultWarning, result: FairShareResult, scenario: Scenario, language: ReportLanguage,
        numbers: ReportNumbers
    ) -> String {
        guard language == .nl else { return warning.message }
        let dutch: String? =
            switch warning.kind {
            case .freeTotal: freeTotal(warning, result: result, scenario: scenario, numbers: numbers)
            case .oneOfMany: oneOfMany(warning)
            default: nil
            }
        return dutch ?? warning.message + " (in het Engels)"
    }

    /// "geen eis legt vast hoeveel … : bij dezelfde optima kan dat van 0 tot 2.470 woningen zijn; … zou het
    /// vastleggen", from the warning's path and the region's range for that total.
    private static func freeTotal(
        _ warning: ResultWarning, result: FairShareResult, scenario: Scenario, numbers: ReportNumbers
    ) -> String? {
        let path = warning.path.memberNames
        guard let ranges = result.region.ranges, path.count == warning.path.components.count else { return nil }
        func span(_ range: FigureRange, _ unit: String) -> String {
            let high = range.max.isFinite ? numbers.count(range.max) : "onbeperkt"
            return "van \(numbers.count(range.min)) tot \(high) \(unit)"
        }
        /// The sentence for one item's total, when the scenario has the item and the result its range.
        func undecided(_ what: String?, _ range: FigureRange?, unit: String, decidedBy fix: String) -> String? {
            guard let what, let range else { return nil }
            return "geen eis legt vast hoeveel \(what): bij dezelfde optima kan dat \(span(range, unit)) zijn; \(fix) "
                + "zou het vastleggen"
        }
        let demand = "een vraag (demand) van één getal"
        switch path.count {
        case 2 where path == ["region", "newHomes"]:
            return "geen eis legt het totaal aantal nieuwe woningen in de regio vast: bij dezelfde optima kan dat "
                + "\(span(ranges.total, "woningen")) zijn; geef region.newHomes één getal, of een min en max, om het "
                + "vast te leggen"
        case 3 where path[0] == "region" && path[1] == "newHomes":
            let id = path[2]
            return undecided(
                scenario.segments.first { $0.id == id }.map { "woningen in het segment \($0.label) de regio bouwt" },
                ranges.newHomes[id], unit: "woningen",
                decidedBy: "een regionaal doel (target) voor \(id) met minShare en maxShare, een regionaal programma "
                    + "per segment of een verdeelregel (fair) voor \(id)")
        case 3 where path[0] == "priorityGroups" && path[2] == "demand":
            let id = path[1]
            return undecided(
                scenario.priorityGroups.first { $0.id == id }.map {
                    "plaatsingen van de doelgroep \($0.label) de regio doet"
                }, ranges.placements[id], unit: "plaatsingen", decidedBy: demand)
        case 3 where path[0] == "care" && path[2] == "demand":
            let id = path[1]
            return undecided(
                scenario.careQualities.first { $0.id == id }.map {
                    "woningen met de kwaliteit \($0.label) de regio krijgt"
                }, ranges.care[id], unit: "woningen", decidedBy: demand)
        default:
            return nil
        }
    }

    /// The allocation is one of many: said for `allocation: "any"` and for a solve that ran out of time.
    private static func oneOfMany(_ warning: ResultWarning) -> String? {
        switch warning.path.description {
        case "solver.allocation":
            "\"any\": de getoonde verdeling is één van meerdere even goede, die de solver toevallig vond; laat "
                + "\"allocation\": \"any\" weg voor de bandbreedte van elk cijfer en de centrale verdeling"
        case "solver.timeLimit":
            "de bandbreedtes en de centrale verdeling zijn niet afgemaakt binnen de tijdslimiet; de getoonde "
                + "verdeling is één van meerdere even goede: geef meer tijd (solver.timeLimit) voor de centrale"
        default: nil
        }
    }
}
