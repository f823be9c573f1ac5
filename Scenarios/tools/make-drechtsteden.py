#!/usr/bin/env python3
"""Writes Scenarios/drechtsteden.json from the consolidated table of Scenarios/drechtsteden-sources.md.

The figures live here once, each with its mark (S sourced, D derived, E estimate) as explained in
drechtsteden-sources.md; run `python3 Scenarios/tools/make-drechtsteden.py` after changing one.
"""
import json, pathlib

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

FOLDER = pathlib.Path(__file__).resolve().parent.parent


def write(name, document):
    out = FOLDER / name
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {out}")


write("drechtsteden.json", scenario)
