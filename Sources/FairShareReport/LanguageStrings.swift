import FairShareEngine
import FairShareScenario

extension ReportStrings {
    /// English: the words the terminal and Markdown reports have always used.
    public static let english = ReportStrings(
        municipality: "Municipality", region: "Region", total: "Total", newHomes: "New homes",
        shareOfStock: { "\($0) share of stock" },
        status: { $0.rawValue },
        variant: { "variant \($0)" }, baseScenario: "base scenario",
        addsUp: "Figures are whole numbers, rounded so that the totals add up.",
        roundedAlone:
            "Figures are whole numbers, each rounded on its own (too large to round so that the totals add up).",
        oneOfMany:
            " This allocation is one of many equally good ones: no ranges were computed, so no figure is marked "
            + "free or firm.",
        everyFigureFirm: " Every figure is firm: the requirements decide it to within half a home or placement.",
        freeMarkNote: {
            " \($0) marks a free figure: the requirements leave it a range (listed under \"What the requirements "
                + "leave open\")."
        },
        leftOpen: "What the requirements leave open", figure: "Figure", allocation: "Allocation", range: "Range",
        leftOpenExplanation: OpenFigures.explanation,
        statutoryTasks: "Statutory tasks (Huisvestingswet art. 29)",
        obligationsByStock: "Obligations decided by the existing stock",
        fairSharesTitle: "Fair shares: what each municipality gets / its fair share (difference)",
        fairShares: "Fair shares", fairSharesNote: "What each municipality gets / its fair share (difference).",
        warnings: "Warnings",
        regionNewHomes: { "New homes: \($0) (allowed \($1))" },
        stockBesidesBuilding: { "Stock besides new building: demolition \($0)" },
        changingSegment: "changing segment",
        netChange: { "; net change of the stock \($0) homes" },
        transfer: { $0.rawValue },
        target: { "Target \($0): \($1) (\($2))" }, minimum: "min", maximum: "max", met: "met", notMet: "NOT met",
        shortByHomes: { ", short by \($0) homes" }, shortBy: { ", short by \($0)" },
        placementsLine: { "\($0): \($1) placements (demand \($2))" },
        careLine: { "\($0): \($1) homes (demand \($2))" },
        levelOptima: "Level optima", none: "none", level: { $0.rawValue },
        sumNormUnit: "homes and placements away from their fair share",
        maxNormUnit: "fairness: worst weighted deviation per unit of size", mipGap: "MIP gap",
        chartStockTitle: { "\($0): share of the housing stock before and after\($1)" },
        before: "before", after: "after", shareOfHousingStock: "share of the housing stock",
        chartFairTitle: { "\($0): fair share and allocation\($1)" },
        fairShare: "fair share", allocated: "allocated", placements: "placements", homes: "new homes",
        rangeLegend: GroupedBarChart.rangeLegend,
        reportFor: "A fair division of new homes", question: "The question", contents: "Contents",
        whatItSays: "About this scenario",
        questionSentence: { municipalities, homes, years in
            "How do the \(municipalities) municipalities share \(homes) new homes"
                + (years.map { " in \($0)" } ?? "")
        },
        atLeastShareOf: { "at least \($0) of them \($1)" }, atMostShareOf: { "at most \($0) of them \($1)" },
        housePlacements: { "house \($0) \($1)" }, buildCare: { "build \($0) homes of the kind \($1)" },
        and: "and", or: "or", atLeast: { "at least \($0)" }, atMost: { "at most \($0)" },
        questionEnd: ", so that each municipality carries its fair share?",
        aboutTheVariant: "This report is of a variant of the scenario", targets: "Targets",
        targetColumn: "Target", segments: "Segments", required: "Required", reached: "Reached", outcome: "Outcome",
        otherDemands: "Placements and care homes", demand: "Demand", result: "Result", charts: "Charts",
        assumptions: "Assumptions",
        ruleConverge: { target in
            "history counts: each municipality's fair share brings this segment's share of its stock to "
                + (target.map { "\($0)" } ?? "the region's current share")
        },
        ruleProportional: { "in proportion to \($0)" },
        noFairRule: "no fair rule: whatever the other requirements leave",
        divideBy: { "divided by \($0)" },
        keyName: { attribute in
            switch attribute {
            case "population": "population"
            case "households": "households"
            case "capacity": "capacity (the most new homes each can build)"
            default: attribute
            }
        },
        normText: { norm in
            switch norm {
            case .sum: "the sum of all deviations from the fair shares is made as small as it can be"
            case .max: "the largest deviation per unit of size is made as small as it can be, then the sum"
            case .leximin:
                "the largest deviation per unit of size is made as small as it can be, then the next largest, and "
                    + "so on (leximin)"
            }
        },
        fairnessRule: "Fairness", wholeNumbersSetting: "Whole homes and placements: the central allocation rounded",
        sources: "Sources", noSources: "The scenario names no sources.", estimate: "estimate",
        estimateNote: "Sources marked estimate hold figures that were estimated or assumed, not measured.",
        method: "Method",
        methodParagraph:
            "fairshare writes the division as a linear programme and solves it with GLPK. Every municipality gets "
            + "a fair share of each segment, group and care quality by the rules above. The programme keeps every "
            + "hard requirement (the region's total and targets, each municipality's capacity and limits) and then, "
            + "level by level, makes first the shortfall of soft requirements and then the distance from the fair "
            + "shares as small as it can be. Many allocations often reach the same optima: for every figure "
            + "fairshare computes its range over all of them, and shows the central allocation, with every figure "
            + "as near the middle of its range as the others allow. The tables show whole numbers, rounded so that "
            + "every row and column adds up; the exact figures are in the JSON result (fairshare solve --format "
            + "json). Every allocation is checked against every requirement before it is reported.",
        notesFromSolver: "Notes from the solver",
        madeWith: { "Made with fairshare \($0) from \($1)." })

    /// Dutch: the words of a report for a Dutch council.
    public static let dutch = ReportStrings(
        municipality: "Gemeente", region: "Regio", total: "Totaal", newHomes: "Nieuwe woningen",
        shareOfStock: { "\($0) aandeel in voorraad" },
        status: { status in
            switch status {
            case .optimal: "optimaal"
            case .feasible: "toelaatbaar (niet bewezen optimaal)"
            case .infeasible: "onoplosbaar"
            case .unbounded: "onbegrensd"
            case .timeLimit: "tijdslimiet bereikt"
            case .failed: "mislukt"
            }
        },
        variant: { "variant \($0)" }, baseScenario: "basisscenario",
        addsUp: "De cijfers zijn hele aantallen, zo afgerond dat de totalen kloppen.",
        roundedAlone:
            "De cijfers zijn hele aantallen, elk apart afgerond (te groot om zo af te ronden dat de totalen "
            + "kloppen).",
        oneOfMany:
            " Deze verdeling is één van vele even goede: er zijn geen bandbreedtes berekend, dus geen cijfer is "
            + "als vrij of vast gemarkeerd.",
        everyFigureFirm: " Elk cijfer ligt vast: de eisen bepalen het tot op een halve woning of plaatsing.",
        freeMarkNote: {
            " \($0) markeert een vrij cijfer: de eisen laten er een bandbreedte voor open (zie \"Wat de eisen "
                + "openlaten\")."
        },
        leftOpen: "Wat de eisen openlaten", figure: "Cijfer", allocation: "Verdeling", range: "Bandbreedte",
        leftOpenExplanation:
            "De eisen en de optima laten voor elk van deze cijfers een bandbreedte open: elke waarde daarin is "
            + "even goed, zolang de andere cijfers ruimte maken. De getoonde verdeling is de centrale, met elk "
            + "cijfer zo dicht bij het midden van zijn bandbreedte als de andere toelaten.",
        statutoryTasks: "Wettelijke taakstelling (Huisvestingswet art. 29)",
        obligationsByStock: "Verplichtingen die de bestaande voorraad bepaalt",
        fairSharesTitle: "Eerlijke delen: wat elke gemeente krijgt / haar eerlijke deel (verschil)",
        fairShares: "Eerlijke delen", fairSharesNote: "Wat elke gemeente krijgt / haar eerlijke deel (verschil).",
        warnings: "Waarschuwingen",
        regionNewHomes: { "Nieuwe woningen: \($0) (toegestaan \($1))" },
        stockBesidesBuilding: { "Voorraad naast nieuwbouw: sloop \($0)" },
        changingSegment: "ander segment",
        netChange: { "; netto verandering van de voorraad \($0) woningen" },
        transfer: { kind in
            switch kind {
            case .sale: "verkoop"
            case .liberalisation: "liberalisatie"
            case .conversion: "omzetting"
            }
        },
        target: { "Doel \($0): \($1) (\($2))" }, minimum: "min", maximum: "max", met: "gehaald",
        notMet: "NIET gehaald",
        shortByHomes: { ", \($0) woningen tekort" }, shortBy: { ", \($0) tekort" },
        placementsLine: { "\($0): \($1) plaatsingen (vraag \($2))" },
        careLine: { "\($0): \($1) woningen (vraag \($2))" },
        levelOptima: "Optima per niveau", none: "geen",
        level: { level in
            switch level {
            case .shortfall: "tekort"
            case .fairness: "eerlijkheid"
            case .tiebreak: "beslissing"
            }
        },
        sumNormUnit: "woningen en plaatsingen naast hun eerlijke deel",
        maxNormUnit: "eerlijkheid: grootste gewogen afwijking per eenheid van omvang", mipGap: "MIP-gap",
        chartStockTitle: { "\($0): aandeel in de woningvoorraad voor en na\($1)" },
        before: "voor", after: "na", shareOfHousingStock: "aandeel in de woningvoorraad",
        chartFairTitle: { "\($0): eerlijk deel en verdeling\($1)" },
        fairShare: "eerlijk deel", allocated: "toegedeeld", placements: "plaatsingen", homes: "nieuwe woningen",
        rangeLegend: "bandbreedte van de even goede verdelingen",
        reportFor: "Een eerlijke verdeling van nieuwe woningen", question: "De vraag", contents: "Inhoud",
        whatItSays: "Over dit scenario",
        questionSentence: { municipalities, homes, years in
            "Hoe verdelen de \(municipalities) gemeenten \(homes) nieuwe woningen" + (years.map { " in \($0)" } ?? "")
        },
        atLeastShareOf: { "waarvan minstens \($0) \($1)" }, atMostShareOf: { "waarvan hoogstens \($0) \($1)" },
        housePlacements: { "huisvesten ze \($0) \($1)" }, buildCare: { "bouwen ze \($0) woningen van de soort \($1)" },
        and: "en", or: "of", atLeast: { "minstens \($0)" }, atMost: { "hoogstens \($0)" },
        questionEnd: ", zodat elke gemeente haar eerlijke deel draagt?",
        aboutTheVariant: "Dit rapport gaat over een variant van het scenario", targets: "Doelen",
        targetColumn: "Doel", segments: "Segmenten", required: "Vereist", reached: "Bereikt", outcome: "Uitkomst",
        otherDemands: "Plaatsingen en zorgwoningen", demand: "Vraag", result: "Uitkomst", charts: "Grafieken",
        assumptions: "Aannames",
        ruleConverge: { target in
            "de geschiedenis telt: het eerlijke deel van elke gemeente brengt het aandeel van dit segment in haar "
                + "voorraad op " + (target.map { "\($0)" } ?? "het huidige aandeel van de regio")
        },
        ruleProportional: { "naar rato van \($0)" },
        noFairRule: "geen regel voor een eerlijk deel: wat de andere eisen overlaten",
        divideBy: { "verdeeld naar \($0)" },
        keyName: { attribute in
            switch attribute {
            case "population": "inwoners"
            case "households": "huishoudens"
            case "capacity": "capaciteit (het grootste aantal nieuwe woningen dat elke gemeente kan bouwen)"
            default: attribute
            }
        },
        normText: { norm in
            switch norm {
            case .sum: "de som van alle afwijkingen van de eerlijke delen wordt zo klein mogelijk gemaakt"
            case .max:
                "de grootste afwijking per eenheid van omvang wordt zo klein mogelijk gemaakt, daarna de som"
            case .leximin:
                "de grootste afwijking per eenheid van omvang wordt zo klein mogelijk gemaakt, daarna de op één na "
                    + "grootste, enzovoort (leximin)"
            }
        },
        fairnessRule: "Eerlijkheid",
        wholeNumbersSetting: "Hele woningen en plaatsingen: de centrale verdeling afgerond",
        sources: "Bronnen", noSources: "Het scenario noemt geen bronnen.", estimate: "schatting",
        estimateNote: "Bronnen gemarkeerd als schatting bevatten cijfers die geschat of aangenomen zijn, niet gemeten.",
        method: "Methode",
        methodParagraph:
            "fairshare schrijft de verdeling als een lineair programma en lost dat op met GLPK. Elke gemeente "
            + "krijgt volgens de regels hierboven een eerlijk deel van elk segment, elke doelgroep en elke "
            + "zorgkwaliteit. Het programma houdt zich aan elke harde eis (het regionale totaal en de doelen, de "
            + "capaciteit en grenzen van elke gemeente) en maakt daarna, niveau voor niveau, eerst het tekort op "
            + "zachte eisen en dan de afstand tot de eerlijke delen zo klein mogelijk. Vaak bereiken veel "
            + "verdelingen dezelfde optima: voor elk cijfer berekent fairshare de bandbreedte over al die "
            + "verdelingen, en het toont de centrale verdeling, met elk cijfer zo dicht bij het midden van zijn "
            + "bandbreedte als de andere toelaten. De tabellen tonen hele aantallen, zo afgerond dat elke rij en "
            + "kolom optelt; de exacte cijfers staan in het JSON-resultaat (fairshare solve --format json). Elke "
            + "verdeling wordt tegen alle eisen gecontroleerd voordat ze getoond wordt.",
        notesFromSolver: "Meldingen van de rekenkern",
        madeWith: { "Gemaakt met fairshare \($0) uit \($1)." })
}
