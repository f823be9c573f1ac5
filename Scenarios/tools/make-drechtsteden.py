#!/usr/bin/env python3
"""Writes the Drechtsteden scenarios from the consolidated table of Scenarios/drechtsteden-sources.md.

- drechtsteden.json: the seven municipalities, 2025-2030, one horizon;
- drechtsteden-monitor.json: the same scenario as a yearly programme, with 2025 realised (sources §9);
- statushouders-halfyears.json: the statushouders of 2023 in two half-years, arrears carried over (sources §10).

The figures live here once, each with its mark (S sourced, D derived, E estimate) as explained in
drechtsteden-sources.md; run `python3 Scenarios/tools/make-drechtsteden.py` after changing one.
"""
import copy, json, math, pathlib

# code, name, population, households, social, mid (private rent), affordable owner, market, 75+, lettings 2025-30,
# new homes min, max  -- from "figures for the scenario" in drechtsteden-sources.md
TABLE = [
    ("GM0482", "Alblasserdam",           20470,  8510,  2427,  835, 2033,  3050,  1545,  911,  600,  700),
    ("GM0505", "Dordrecht",             122089, 56360, 15095, 8716, 14323, 16956, 10080, 5669, 3000, 6000),
    ("GM0523", "Hardinxveld-Giessendam", 18760,  7310,  2035,  549, 1890,  2836,  1515,  764,  240,  340),
    ("GM0531", "Hendrik-Ido-Ambacht",    32685, 12850,  2822, 1227, 3288,  4933,  1730, 1060,  750, 1500),
    ("GM0590", "Papendrecht",            32174, 14330,  4086, 1431, 3515,  5273,  2130, 1535,  440,  660),
    ("GM0610", "Sliedrecht",             26270, 11110,  3530, 1067, 2427,  3641,  2630, 1326,  690,  750),
    ("GM0642", "Zwijndrecht",            46070, 20980,  7331, 2037, 4480,  6517,  4280, 2753, 1250, 3100),
]

municipalities = {}
for code, name, pop, hh, social, mid, afford, market, old, lettings, lo, hi in TABLE:
    municipalities[code] = {
        "name": name,
        "population": pop,
        "households": hh,
        "stock": {"social-rent": social, "mid-rent": mid, "affordable-owner": afford, "market": market},
        "newHomes": {"min": lo, "max": hi},
        "lettings": lettings,
        "maxPriorityShare": 0.25,
        "attributes": {"elderly75": old},
    }

# The associations' 2,300 social homes out of the stock (PALT, 078.nu), spread in proportion to social stock and
# rounded to 5 homes: an ESTIMATE (variant demolish-2300).
SOCIAL_TOTAL = sum(row[4] for row in TABLE)
DEMOLITION = {row[0]: 5 * round(2300 * row[4] / SOCIAL_TOTAL / 5) for row in TABLE}

scenario = {
    "format": "fairshare-scenario/1",
    "name": "Drechtsteden 2025-2030",
    "description": (
        "The seven Drechtsteden municipalities share the new homes of 2025-2030, the housing of statushouders "
        "and the zero-step homes for the elderly, following the regional course: two thirds affordable, 30% "
        "social rent, and history counts (social rent converges to 30% of each municipality's stock). Many "
        "figures are estimates: see Scenarios/drechtsteden-sources.md, which marks every figure S (sourced), "
        "D (derived) or E (estimate)."),
    "sources": [
        "Figures, marks and derivations: Scenarios/drechtsteden-sources.md (compiled 2026-11 from public pages; "
        "CBS StatLine could not be queried, so several figures are ESTIMATES)",
        "CBS codes GM0482, GM0505, GM0523, GM0531, GM0590, GM0610, GM0642: Wikipedia infoboxes and public code lists",
        "population 1 Jan 2024: CBS via Wikipedia (Dordrecht, Hardinxveld-Giessendam, Hendrik-Ido-Ambacht, "
        "Papendrecht, Sliedrecht); ESTIMATE for Alblasserdam and Zwijndrecht (grown from 2022/2021 figures, E1)",
        "households: ESTIMATE, about one household per dwelling, scaled to 2024 (E2)",
        "stock 2020 by tenure: Onderzoekcentrum Drechtsteden via Hendrik-Ido-Ambacht begroting 2022; social rent from "
        "rijnmond.nl shares (2022) and corporation counts; Hardinxveld-Giessendam 2023 (hg24.nl); Alblasserdam social "
        "share ESTIMATE (29.1%, average of the other six); private rent ESTIMATE at 10% of stock (SCP national share) "
        "except Dordrecht and Hardinxveld-Giessendam; owner-occupied split into affordable/market by ESTIMATE (40% "
        "affordable, or the count of homes under about EUR 225k where known)",
        "elderly75: ESTIMATE, scaled from Dordrecht by each municipality's count of people over 90 (E4, about +-25%)",
        "lettings 2025-2030: ESTIMATE, 6.26% of social stock a year over 6 years (Drechtsteden corporations let 2,259 "
        "homes in 2021 and 2,118 in 2022, 078.nu/woonkeus), probably 10-15% low (E7)",
        "newHomes min/max per municipality 2025-2030: ESTIMATE pro-rated from municipal plans (Zwijndrecht 3,100 and "
        "Papendrecht 660 to 2030 sourced; others E6)",
        "region.newHomes 9,000-10,000: ESTIMATE between the provincial plan of about 7,000 (rijnmond.nl 2021) and the "
        "provincial programming cap of 130% of need, about 10,000 (drechtsteden.nl)",
        "targets: Koersnotitie Drechtsteden (two thirds affordable, 30% social rent); Zuid-Holland one third social "
        "(zuidholland.begroting-2026.nl) as a variant",
        "statushouders demand 1,750 placements: ESTIMATE, 12 half-years x about 294 persons (the national task of "
        "17,700 for 2025-H1 divided by population, E5) / 2 persons per home (Dordrecht 2022: about 80 homes for a "
        "task of 159 persons, rtvdordrecht.nl and dordrechtnieuws.nl)",
        "maxPriorityShare 0.25: ASSUMPTION (a policy choice, not a figure); nationally 7% of vacated corporation "
        "homes went to statushouders in 2022 (CBS)",
        "zero-step demand at least 2,700: ASSUMPTION, 30% of about 9,000 new homes; key elderly75",
    ],
    "horizon": {"start": 2025, "end": 2030},
    "segments": {
        "social-rent": {"label": "Sociale huur", "affordable": True, "lettable": True,
                        "fair": {"rule": "converge"}},
        "mid-rent": {"label": "Middenhuur", "affordable": True,
                     "fair": {"rule": "proportional", "key": "households"}},
        "affordable-owner": {"label": "Betaalbare koop", "affordable": True,
                             "fair": {"rule": "proportional", "key": "households"}},
        "market": {"label": "Vrije sector", "fair": {"rule": "proportional", "key": "capacity"}},
    },
    "region": {
        "newHomes": {"min": 9000, "max": 10000},
        "targets": {
            "social-30": {"segments": ["social-rent"], "minShare": 0.30},
            "affordable-2-3": {"segments": ["social-rent", "mid-rent", "affordable-owner"], "minShare": 0.6667},
        },
    },
    "priorityGroups": {
        "statushouders": {"label": "Statushouders", "demand": 1750, "key": "population"},
    },
    "care": {
        "zero-step": {"label": "Nultredenwoning", "demand": {"min": 2700}, "key": "elderly75",
                      "maxShareOfNewHomes": 0.6},
    },
    "municipalities": municipalities,
    "fairness": {"norm": "sum"},
    "solver": {"integer": False, "mipGap": 0.001, "timeLimit": 60, "method": "simplex"},
    "variants": {
        "population-and-social-stock": {
            "description": "statushouders by population and by social-rent stock, half each",
            "patch": {"priorityGroups": {"statushouders": {"key": {"population": 1, "stock.social-rent": 1}}}}},
        "affordable-soft": {
            "description": "the two-thirds-affordable target as a soft requirement (shortfall allowed, minimised first)",
            "patch": {"region": {"targets": {"affordable-2-3": {"mode": "soft"}}}}},
        "max-norm": {
            "description": "fairness by the worst deviation per unit of size instead of the sum of deviations",
            "patch": {"fairness": {"norm": "max"}}},
        "zh-one-third": {
            "description": "Zuid-Holland's ambition: at least one third of new homes social rent",
            "patch": {"region": {"targets": {"social-30": {"minShare": 0.3333}}}}},
        "converge-to-30": {
            "description": "social rent converges to 30% of every municipality's stock (Zuid-Holland's stock rule) "
                           "instead of to the current regional share",
            "patch": {"segments": {"social-rent": {"fair": {"targetShare": 0.30}}}}},
        "wet-vrv": {
            "description": "the Wet versterking regie volkshuisvesting's rule as the law writes it: the existing "
                           "social stock decides, per municipality; below 30% social rent, at least 30% of new homes "
                           "social rent; at or above it, at least 40% middle segment (mid rent and affordable owner)",
            "patch": {"municipalityDefaults": {"obligations": {"wet-vrv": {
                "measure": {"segments": ["social-rent"]}, "threshold": 0.3,
                "below": {"segments": ["social-rent"], "minNewShare": 0.3},
                "atOrAbove": {"segments": ["mid-rent", "affordable-owner"], "minNewShare": 0.4}}}}}},
        "wet-vrv-national": {
            "description": "the same rule with the national average as the threshold: about 27% social rent in 2019 "
                           "(an estimate, as the ministry and the press describe it)",
            "patch": {"municipalityDefaults": {"obligations": {"wet-vrv": {
                "measure": {"segments": ["social-rent"]}, "threshold": {"national": 0.27},
                "below": {"segments": ["social-rent"], "minNewShare": 0.3},
                "atOrAbove": {"segments": ["mid-rent", "affordable-owner"], "minNewShare": 0.4}}}}}},
        "regional-choice-30-40": {
            "description": "a regional agreement, not the law: every municipality chooses at least 30% social rent "
                           "or at least 40% middle segment (mid rent and affordable owner) in its new homes, "
                           "whichever fits the region's fair division best",
            "patch": {"municipalityDefaults": {"alternatives": {"wet-vrv": [
                {"segments": ["social-rent"], "minNewShare": 0.30},
                {"segments": ["mid-rent", "affordable-owner"], "minNewShare": 0.40}]}}}},
        "leximin": {
            "description": "fairness by the leximin principle: no municipality further from its fair share than it must be",
            "patch": {"fairness": {"norm": "leximin"}}},
        "whole-homes": {
            "description": "whole homes and placements: the central allocation rounded so that every figure is "
                           "whole and every hard requirement still holds",
            "patch": {"solver": {"integer": True}}},
        "regional-programme": {
            "description": "a fixed regional programme per segment, as the region's course asks for the region as a "
                           "whole: exactly 10,000 homes, 30% social rent, two thirds affordable; ESTIMATE: the "
                           "remaining affordable third split evenly between middle rent and affordable owner "
                           "(18.33% each), since no regional split is published. Shows how a fixed programme makes "
                           "the regional totals firm.",
            "patch": {"region": {"newHomes": 10000, "targets": {
                "social-30": {"maxShare": 0.30},
                "affordable-2-3": {"maxShare": 0.6667},
                "mid-rent-programme": {"segments": ["mid-rent"], "minShare": 0.18335, "maxShare": 0.18335},
                "affordable-owner-programme": {"segments": ["affordable-owner"], "minShare": 0.18335,
                                               "maxShare": 0.18335}}}}},
        "demolish-2300": {
            "description": "the housing associations' agreement to take at least 2,300 social homes out of the stock; "
                           "the spread over the municipalities is an ESTIMATE, in proportion to their social stock "
                           "(about 6.2% each, rounded)",
            "patch": {"municipalities": {
                code: {"stockChanges": {"demolition": {"social-rent": DEMOLITION[code]}}} for code in DEMOLITION}}},
    },
}

# --- drechtsteden-monitor.json (drechtsteden-sources.md §9) -------------------------------------------------------

YEARS = [str(year) for year in range(2025, 2031)]

# The Netherlands' population on 1 Jan 2023 (S, CBS, §3): the denominator of the statutory population share.
NL_POPULATION = 17811290

# Statushouders the Netherlands must house in 2025 (S): 15,000 in the first half (set at 17,700, lowered) and
# 13,000 in the second half (gemeente.nu, 2025-04, after the minister's letter to the Tweede Kamer).
NATIONAL_2025 = 15000 + 13000
PERSONS_PER_HOME = 2  # E, as in drechtsteden.json (Dordrecht 2022: about 80 homes for a task of 159 persons)

# Realised 2025 (E9): each municipality's yearly pace is the low end of its 2025-2030 range over six years; the
# share of that pace it built, and the share of its statushouder task it housed. Dordrecht and Zwijndrecht build
# behind; Dordrecht, Alblasserdam and Papendrecht house statushouders behind (the sources say they lag, §9).
BUILT = {"GM0505": 0.8, "GM0642": 0.6}
HOUSED = {"GM0482": 0.6, "GM0505": 0.7, "GM0590": 0.6}
# E9: the split of what was built in 2025, the same everywhere; below the regional course (30% social, two thirds
# affordable); Dordrecht's recent building had a smaller corporation share than the national average (Woonbond).
SPLIT_2025 = {"social-rent": 0.25, "mid-rent": 0.15, "affordable-owner": 0.20}
ZERO_STEP_2025 = 0.30  # E9: zero-step homes as a share of what was built, the share the demand assumes


def statushouders_2025(population_total):
    """The region's 2025 demand in homes (D): its population share of the national 2025 task, 2 persons a home."""
    return round(NATIONAL_2025 * population_total / NL_POPULATION / PERSONS_PER_HOME)


def monitor(base):
    """drechtsteden.json as a yearly programme 2025-2030 with 2025 realised."""
    population_total = sum(row[2] for row in TABLE)
    first = statushouders_2025(population_total)
    total = base["priorityGroups"]["statushouders"]["demand"]
    later = (total - first) / (len(YEARS) - 1)  # E: the rest of the horizon's 1,750, evenly over 2026-2030
    later = int(later) if later == int(later) else later
    periods = {}
    for year in YEARS:
        demand = first if year == YEARS[0] else later
        periods[year] = {"label": year, "start": f"{year}-01", "end": f"{year}-12",
                         "priorityGroups": {"statushouders": {"demand": demand}}}

    municipalities = copy.deepcopy(base["municipalities"])
    for code, name, pop, hh, social, mid, afford, market, old, lettings, lo, hi in TABLE:
        yearly = {"min": math.floor(lo / len(YEARS)), "max": math.ceil(hi / len(YEARS))}  # E8
        built = round(lo / len(YEARS) * BUILT.get(code, 1))
        realised = {segment: round(share * built) for segment, share in SPLIT_2025.items()}
        realised["market"] = built - sum(realised.values())
        task = pop / population_total * first
        realised["statushouders"] = math.floor(task * HOUSED.get(code, 1))
        realised["zero-step"] = round(ZERO_STEP_2025 * built)
        municipalities[code]["periods"] = {
            year: ({"newHomes": yearly, "realised": realised} if year == YEARS[0] else {"newHomes": yearly})
            for year in YEARS}

    groups = copy.deepcopy(base["priorityGroups"])
    groups["statushouders"]["carryOver"] = {"arrears": "next", "surplus": "credit"}
    region = copy.deepcopy(base["region"])
    region["targets"]["social-30"]["perPeriod"] = {"arrears": "next"}
    share = f"{population_total:,} / {NL_POPULATION:,}"
    kept = [line.replace("as a variant", "as a variant of drechtsteden.json, left out here")
            for line in base["sources"]]
    sources = kept[:1] + [
        "periods, yearly capacities, the 2025 statushouder demand and everything realised in 2025: "
        "Scenarios/drechtsteden-sources.md §9 (E8, E9)",
    ] + kept[1:10] + [
        f"statushouders per year (homes): 2025 = {first}, D: the national task of 2025, 15,000 (first half, lowered "
        "from 17,700) + 13,000 (second half) persons (gemeente.nu, April 2025), times the region's population "
        f"share ({share}, CBS), at 2 persons a home (E); 2026-2030 = {later:g} a year, ESTIMATE: the rest "
        "of the horizon's 1,750 evenly; arrears carried to the next year and surpluses deducted, as the "
        "Huisvestingswet's task works (rijksoverheid.nl; an example of a deducted lead: rplwoerden.nl)",
        "capacity per year: ESTIMATE, each municipality's 2025-2030 newHomes range spread evenly over six years "
        "(min rounded down, max up, E8)",
        "realised 2025: ESTIMATES, not counts (E9). New homes at each municipality's yearly low-end pace, "
        "Dordrecht at 80% and Zwijndrecht at 60% of it; split 25% social rent, 15% mid rent, 20% affordable "
        "owner, 40% market; zero-step 30% of the homes built. Statushouders housed: the whole task (rounded "
        "down), but Dordrecht 70% (its backlog rose to 135 persons in 2024-2025, rtvdordrecht.nl) and Alblasserdam and "
        "Papendrecht 60% (four half-years in a row behind by early 2026, ANP via welingelichtekringen.nl). "
        "Replace with CBS 'opgeleverde nieuwbouwwoningen' and the BZK/COA realisation monitor when available",
    ] + kept[10:]

    document = {}
    for key, value in base.items():
        if key == "variants":
            continue  # the variants were made for the one-horizon scenario
        document[key] = value
        if key == "horizon":
            document["periods"] = periods
            document["monitoring"] = {"asOf": YEARS[0]}
    document.update({
        "name": "Drechtsteden 2025-2030, monitor after 2025",
        "description": (
            "The Drechtsteden scenario of drechtsteden.json as a yearly programme 2025-2030, monitored after 2025: "
            "2025 is realised, 2026-2030 are planned. Each municipality's capacity is its 2025-2030 range spread "
            "evenly over the years; statushouders have a task per year, and what a municipality did not house in "
            "2025 is added to its 2026 task; the 30% social-rent target also holds every year, its 2025 shortfall "
            "carried into 2026. The realised 2025 figures are ESTIMATES (no counts per municipality were found), "
            "chosen so that the monitor has something to show: Dordrecht and Zwijndrecht build behind, Dordrecht, "
            "Alblasserdam and Papendrecht house statushouders behind. See Scenarios/drechtsteden-sources.md §9, "
            "which marks every figure S (sourced), D (derived) or E (estimate)."),
        "sources": sources,
        "region": region,
        "priorityGroups": groups,
        "municipalities": municipalities,
    })
    return document


# --- statushouders-halfyears.json (drechtsteden-sources.md §10) ----------------------------------------------------

NATIONAL_2023_I = 21200  # S: rijksoverheid.nl, 2022-09-30: the task of the first half of 2023 (persons)
DORDRECHT_2023_II = 185  # S: rtvdordrecht.nl, 2023-08-04: Dordrecht's task of the second half of 2023
DORDRECHT_ARREARS = 27   # S: same article: carried over from the first half (185 + 27 = 212)
DORDRECHT_HOUSED_I = 93  # S: same article: housed in the first half of 2023
HOUSED_2023_I = 0.8      # E10: the other six housed four fifths of their task (Dordrecht: 93 of a corrected 120)


def halfyears():
    """The statushouders of 2023 in two half-years: Dordrecht's published 185 + 27 = 212 reproduced."""
    population_total = sum(row[2] for row in TABLE)
    first = round(NATIONAL_2023_I * population_total / NL_POPULATION, 1)  # D: the region's share of 21,200
    dordrecht = next(row[2] for row in TABLE if row[0] == "GM0505")
    second = round(DORDRECHT_2023_II * population_total / dordrecht, 2)  # D: Dordrecht's 185 over its share
    dordrecht_task = dordrecht / population_total * first
    dordrecht_realised = round(dordrecht_task - DORDRECHT_ARREARS, 1)  # D: 93 housed + its lead from 2022 (§10)
    municipalities = {}
    for code, name, pop, hh, social, mid, afford, market, old, lettings, lo, hi in TABLE:
        task = pop / population_total * first
        if code == "GM0505":
            housed = dordrecht_realised
        else:
            housed = round(HOUSED_2023_I * task)  # E10
        municipalities[code] = {
            "name": name,
            "population": pop,
            "stock": {"social-rent": social},
            "newHomes": 0,
            "lettings": round(lettings / len(YEARS)),  # E7 per year: the horizon is the year 2023
            "periods": {"2023-I": {"realised": {"statushouders": housed}}},
        }
    return {
        "format": "fairshare-scenario/1",
        "name": "Drechtsteden statushouders 2023, two half-years",
        "description": (
            "The statushouders the seven Drechtsteden municipalities had to house in 2023, in its two half-years. "
            "Each half-year's regional task is divided by population; what a municipality did not house in the "
            "first half is added to its task of the second (the Huisvestingswet's 'gecorrigeerde taakstelling'). "
            "The first half is realised, the second planned. Dordrecht's published figures are reproduced: a task "
            "of 185 for the second half, plus 27 carried over, is 212. Placements are persons here, not homes. No "
            "new homes are planned: the lettings of the existing social-rent stock house the statushouders. Most "
            "figures of the other six municipalities are ESTIMATES: see Scenarios/drechtsteden-sources.md §10."),
        "sources": [
            "Figures, marks and derivations: Scenarios/drechtsteden-sources.md §10",
            f"2023-I regional task {first} persons, D: the national task of {NATIONAL_2023_I:,} for the first "
            "half of 2023 (rijksoverheid.nl, 2022-09-30) times the region's population share "
            f"({population_total:,} / {NL_POPULATION:,}, CBS)",
            f"2023-II regional task {second} persons, D: Dordrecht's published task of {DORDRECHT_2023_II} "
            f"(rtvdordrecht.nl, 2023-08-04) divided by its population share ({dordrecht:,} / {population_total:,}); "
            f"it implies a national task of about {round(second * NL_POPULATION / population_total, -2):,.0f}. The "
            "national number of the 2023-II circular was not found in the stored sources",
            f"Dordrecht 2023-I realised {dordrecht_realised}, D: {dordrecht_task:.1f} (its task) - "
            f"{DORDRECHT_ARREARS} (its published arrears), so that the arrears are the published "
            f"{DORDRECHT_ARREARS}. It housed {DORDRECHT_HOUSED_I} (rtvdordrecht.nl); the other "
            f"{dordrecht_realised - DORDRECHT_HOUSED_I:.1f} is the lead it "
            "carried in from 2022 (a lead of 42 is reported for 2022, rtvdordrecht.nl), which the scenario "
            "cannot carry because 2023-I is its first period",
            "the other six municipalities' 2023-I realised: ESTIMATE, four fifths of their task, rounded (E10)",
            "carry-over: arrears to the next half-year, surpluses deducted (rijksoverheid.nl; an example of a "
            "deducted lead: rplwoerden.nl)",
            "population 1 Jan 2024: as drechtsteden.json (CBS via Wikipedia; ESTIMATE for Alblasserdam and "
            "Zwijndrecht, E1)",
            "social-rent stock and lettings: as drechtsteden.json (E3, E7), lettings per year (the 2025-2030 "
            "estimate / 6), ESTIMATES",
        ],
        "horizon": {"start": 2023, "end": 2023},
        "periods": {
            "2023-I": {"label": "2023 first half", "start": "2023-01", "end": "2023-06",
                       "priorityGroups": {"statushouders": {"demand": first}}},
            "2023-II": {"label": "2023 second half", "start": "2023-07", "end": "2023-12",
                        "priorityGroups": {"statushouders": {"demand": second}}},
        },
        "monitoring": {"asOf": "2023-I"},
        "segments": {
            "social-rent": {"label": "Sociale huur", "affordable": True, "lettable": True,
                            "fair": {"rule": "proportional", "key": "population"}},
        },
        "region": {"newHomes": 0},
        "priorityGroups": {
            "statushouders": {"label": "Statushouders (persons)", "key": "population",
                              "carryOver": {"arrears": "next", "surplus": "credit"}},
        },
        "municipalities": municipalities,
        "fairness": {"norm": "sum"},
        "solver": {"integer": False, "method": "simplex"},
    }


FOLDER = pathlib.Path(__file__).resolve().parent.parent


def write(name, document):
    out = FOLDER / name
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {out}")


write("drechtsteden.json", scenario)
write("drechtsteden-monitor.json", monitor(scenario))
write("statushouders-halfyears.json", halfyears())
