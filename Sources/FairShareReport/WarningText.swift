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
        let names = warning.path.components.map { component -> String? in
            if case .member(let name) = component { name } else { nil }
        }
        guard let ranges = result.region.ranges, names.allSatisfy({ $0 != nil }) else { return nil }
        let path = names.compactMap { $0 }
        func span(_ range: FigureRange, _ unit: String) -> String {
            let high = range.max.isFinite ? numbers.count(range.max) : "onbeperkt"
            return "van \(numbers.count(range.min)) tot \(high) \(unit)"
        }
        switch path.count {
        case 2 where path == ["region", "newHomes"]:
            return "geen eis legt het totaal aantal nieuwe woningen in de regio vast: bij dezelfde optima kan dat "
                + "\(span(ranges.total, "woningen")) zijn; geef region.newHomes één getal, of een min en max, om het "
                + "vast te leggen"
        case 3 where path[0] == "region" && path[1] == "newHomes":
            guard let segment = scenario.segments.first(where: { $0.id == path[2] }),
                let range = ranges.newHomes[segment.id]
            else { return nil }
            return "geen eis legt vast hoeveel woningen in het segment \(segment.label) de regio bouwt: bij "
                + "dezelfde optima kan dat \(span(range, "woningen")) zijn; een regionaal doel (target) voor "
                + "\(segment.id) met minShare en maxShare, een regionaal programma per segment of een verdeelregel "
                + "(fair) voor \(segment.id) zou het vastleggen"
        case 3 where path[0] == "priorityGroups" && path[2] == "demand":
            guard let group = scenario.priorityGroups.first(where: { $0.id == path[1] }),
                let range = ranges.placements[group.id]
            else { return nil }
            return "geen eis legt vast hoeveel plaatsingen van de doelgroep \(group.label) de regio doet: bij "
                + "dezelfde optima kan dat \(span(range, "plaatsingen")) zijn; een vraag (demand) van één getal zou "
                + "het vastleggen"
        case 3 where path[0] == "care" && path[2] == "demand":
            guard let quality = scenario.careQualities.first(where: { $0.id == path[1] }),
                let range = ranges.care[quality.id]
            else { return nil }
            return "geen eis legt vast hoeveel woningen met de kwaliteit \(quality.label) de regio krijgt: bij "
                + "dezelfde optima kan dat \(span(range, "woningen")) zijn; een vraag (demand) van één getal zou "
                + "het vastleggen"
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
