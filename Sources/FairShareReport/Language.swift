import FairShareEngine
import FairShareScenario
import Foundation

extension ReportLanguage {
    /// The words of reports in this language.
    public var strings: ReportStrings {
        switch self {
        case .en: .english
        case .nl: .dutch
        }
    }

    /// How terminal and Markdown tables write numbers in this language: Dutch with thousands separators
    /// (`4.197`, `29,1%`), English as it always has (`4197`, `29.1%`).
    public var numbers: ReportNumbers { ReportNumbers(self, grouped: self == .nl) }

    /// The language of a report: the one asked for, else the scenario's `language`, else English.
    public static func of(_ scenario: Scenario, asked: ReportLanguage? = nil) -> ReportLanguage {
        asked ?? scenario.language ?? .en
    }
}

/// How a report writes numbers in one language, through Foundation's `FormatStyle` with the language's locale
/// (`nl_NL`: `4.197`, `29,1%`, `2.138,4`; `en_GB`: `4,197`, `29.1%`). English without grouping is the terminal's
/// form, ``Formatting``'s, byte for byte.
public struct ReportNumbers: Sendable, Hashable {
    public let language: ReportLanguage
    /// Whether whole numbers get thousands separators.
    public let grouped: Bool

    /// - Parameters:
    ///   - language: whose decimal sign, percent sign and grouping separator to use.
    ///   - grouped: thousands separators in whole numbers and optima.
    public init(_ language: ReportLanguage, grouped: Bool) {
        self.language = language
        self.grouped = grouped
    }

    private var plain: Bool { language == .en && !grouped }
    private var locale: Locale { Locale(identifier: language == .nl ? "nl_NL" : "en_GB") }

    /// A whole number (already rounded): `4.197`; one beyond `Int`'s range in Swift's shortest form.
    public func whole(_ rounded: Double) -> String {
        if plain { return Formatting.whole(rounded) }
        if rounded == 0 { return "0" }
        guard let exact = Int(exactly: rounded) else { return rounded.description }
        return exact.formatted(
            IntegerFormatStyle<Int>(locale: locale).grouping(grouped ? .automatic : .never))
    }

    /// A count of homes or placements, rounded to a whole number.
    public func count(_ value: Double) -> String { whole(value.rounded()) }

    /// A share in [0, 1] as a percentage with one decimal: `29,1%`.
    public func percent(_ share: Double) -> String {
        if plain || !share.isFinite { return Formatting.percent(share) }
        return share.formatted(.percent.locale(locale).precision(.fractionLength(1)).grouping(.never))
    }

    /// A signed difference in whole units: `+12`, `-3`, `0`.
    public func signed(_ value: Double) -> String {
        let rounded = value.rounded()
        if rounded == 0 { return "0" }
        return rounded > 0 ? "+" + whole(rounded) : "-" + whole(-rounded)
    }

    /// A level optimum: up to two decimals, no trailing zeros: `2.138,4`.
    public func optimum(_ value: Double) -> String {
        if plain || !value.isFinite { return Formatting.optimum(value) }
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        return rounded.formatted(
            .number.locale(locale).precision(.fractionLength(0...2)).grouping(grouped ? .automatic : .never))
    }

    /// A range of counts: `9.000–10.000`, `≥ 2.700`, `1.750`.
    public func range(min: Double, max: Double) -> String {
        if min == max { return count(min) }
        if max == .infinity { return "≥ \(count(min))" }
        if min == 0 { return "≤ \(count(max))" }
        return "\(count(min))–\(count(max))"
    }
}

/// Every word a report prints, in one language: one value per language (``english``, ``dutch``), so that a
/// report never holds a literal of its own and a missing translation is a compile error.
///
/// Templates that take figures are functions of the figures, already formatted by the caller.
public struct ReportStrings: Sendable {
    // MARK: Tables (terminal, Markdown, HTML)

    public var municipality: String
    public var region: String
    public var total: String
    public var newHomes: String
    /// `Sociale huur share of stock`.
    public var shareOfStock: @Sendable (_ label: String) -> String
    /// The status of a result (`optimal`, …).
    public var status: @Sendable (_ status: ResultStatus) -> String
    /// `variant max-norm`.
    public var variant: @Sendable (_ id: String) -> String
    public var baseScenario: String
    public var addsUp: String
    public var roundedAlone: String
    public var oneOfMany: String
    public var everyFigureFirm: String
    /// ` ~ marks a free figure: …`, with the mark as the caller shows it.
    public var freeMarkNote: @Sendable (_ mark: String) -> String
    public var leftOpen: String
    public var figure: String
    public var allocation: String
    public var range: String
    public var leftOpenExplanation: String
    public var statutoryTasks: String
    public var obligationsByStock: String
    public var fairSharesTitle: String
    public var fairShares: String
    public var fairSharesNote: String
    public var warnings: String

    // MARK: The region's lines

    /// `New homes: 10000 (allowed 9000–10000)`.
    public var regionNewHomes: @Sendable (_ shown: String, _ allowed: String) -> String
    /// `Stock besides new building: demolition 2300`.
    public var stockBesidesBuilding: @Sendable (_ demolished: String) -> String
    public var changingSegment: String
    /// `; net change of the stock 7700 homes`.
    public var netChange: @Sendable (_ homes: String) -> String
    public var transfer: @Sendable (_ kind: StockTransfer.Kind) -> String
    /// `Target social-30: 42.0% (min 30.0%)`.
    public var target: @Sendable (_ id: String, _ share: String, _ bounds: String) -> String
    public var minimum: String
    public var maximum: String
    public var met: String
    public var notMet: String
    /// `, short by 12 homes`.
    public var shortByHomes: @Sendable (_ count: String) -> String
    /// `, short by 12`.
    public var shortBy: @Sendable (_ count: String) -> String
    /// `Statushouders: 1750 placements (demand 1750)`.
    public var placementsLine: @Sendable (_ label: String, _ placed: String, _ demand: String) -> String
    /// `Nultredenwoning: 2960 homes (demand ≥ 2700)`.
    public var careLine: @Sendable (_ label: String, _ placed: String, _ demand: String) -> String
    public var levelOptima: String
    public var none: String
    public var level: @Sendable (_ level: Level) -> String
    public var sumNormUnit: String
    public var maxNormUnit: String
    public var mipGap: String

    // MARK: Charts

    /// `Sociale huur: share of the housing stock before and after 2025–2030`.
    public var chartStockTitle: @Sendable (_ label: String, _ horizon: String) -> String
    public var before: String
    public var after: String
    public var shareOfHousingStock: String
    /// `Sociale huur: fair share and allocation 2025–2030`.
    public var chartFairTitle: @Sendable (_ label: String, _ horizon: String) -> String
    public var fairShare: String
    public var allocated: String
    public var placements: String
    public var homes: String
    /// The legend of a whisker: `range of the equally good allocations`.
    public var rangeLegend: String

    // MARK: The HTML report

    public var reportFor: String
    public var question: String
    public var contents: String
    public var whatItSays: String
    /// The question in words: the municipalities, the homes, and the horizon's years.
    public var questionSentence: @Sendable (_ municipalities: String, _ homes: String, _ years: String?) -> String
    /// `at least 30,0% of them Sociale huur`.
    public var atLeastShareOf: @Sendable (_ share: String, _ segments: String) -> String
    public var atMostShareOf: @Sendable (_ share: String, _ segments: String) -> String
    /// `house 1.750 Statushouders`.
    public var housePlacements: @Sendable (_ demand: String, _ label: String) -> String
    /// `build 2.700 or more homes of the kind Nultredenwoning`.
    public var buildCare: @Sendable (_ demand: String, _ label: String) -> String
    public var and: String
    public var or: String
    /// `at least 2.700`.
    public var atLeast: @Sendable (_ count: String) -> String
    public var atMost: @Sendable (_ count: String) -> String
    public var questionEnd: String
    public var aboutTheVariant: String
    public var targets: String
    public var targetColumn: String
    public var segments: String
    public var required: String
    public var reached: String
    public var outcome: String
    public var otherDemands: String
    public var demand: String
    public var result: String
    public var charts: String
    public var assumptions: String
    public var ruleConverge: @Sendable (_ target: String?) -> String
    public var ruleProportional: @Sendable (_ key: String) -> String
    public var noFairRule: String
    public var divideBy: @Sendable (_ key: String) -> String
    /// A key's attribute in words: `population` → `inwoners`; attributes the scenario names itself stay as they are.
    public var keyName: @Sendable (_ attribute: String) -> String
    public var normText: @Sendable (_ norm: FairnessNorm) -> String
    public var fairnessRule: String
    public var wholeNumbersSetting: String
    public var sources: String
    public var noSources: String
    public var estimate: String
    public var estimateNote: String
    public var method: String
    public var methodParagraph: String
    public var notesFromSolver: String
    public var madeWith: @Sendable (_ version: String, _ file: String) -> String
}
