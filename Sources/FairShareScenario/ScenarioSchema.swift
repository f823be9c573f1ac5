/// A JSON Schema (draft 2020-12) of the scenario format (`fairshare-scenario/1`), for editors that check files as
/// they are typed (`fairshare schema > fairshare-scenario.schema.json`).
///
/// The schema checks what a schema can: fields and their types, ids, counts ≥ 0, shares in [0, 1], `Range`s,
/// keys and enumerations, including the additions of docs/model.md §7 (`municipalityDefaults`, `alternatives`, the
/// `leximin` norm). Where a municipality may remove a default with `null` (RFC 7396), it allows `null`.
/// ``ScenarioLoader`` checks more: references between parts of the file (a segment in `stock` that `segments`
/// does not declare), min ≤ max, keys against the municipalities' attributes, finite numbers and the size limits.
/// Every file the loader accepts is valid against the schema.
public enum ScenarioSchema {
    /// The schema as JSON text.
    public static let text = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "urn:fairshare:scenario:1",
          "title": "fairshare scenario (fairshare-scenario/1)",
          "description": "A region, its municipalities and what is divided over them fairly.",
          "type": "object",
          "required": ["format", "name", "segments"],
          "anyOf": [{"required": ["municipalities"]}, {"required": ["municipalityTable"]}],
          "additionalProperties": false,
          "properties": {
            "$schema": {"type": "string", "description": "This schema, for editors that validate as you type; ignored."},
            "format": {"const": "fairshare-scenario/1", "description": "The format and its version."},
            "name": {"$ref": "#/$defs/text", "description": "What the scenario is called in reports."},
            "description": {"type": "string"},
            "sources": {"type": "array", "items": {"type": "string"}, "description": "Where figures come from."},
            "language": {"enum": ["en", "nl"], "description": "The language of reports (tables, Markdown, HTML) unless --lang says otherwise; default en."},
            "horizon": {
              "type": "object", "description": "The years the scenario covers (informational).",
              "required": ["start", "end"], "additionalProperties": false,
              "properties": {"start": {"$ref": "#/$defs/year"}, "end": {"$ref": "#/$defs/year"}}
            },
            "segments": {
              "description": "Price segments of new homes, keyed by id; at least one.",
              "type": "object", "minProperties": 1, "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "label": {"$ref": "#/$defs/text"},
                  "affordable": {"type": "boolean", "description": "Counts as affordable (informational)."},
                  "lettable": {"type": "boolean", "description": "Its new homes can house priority groups."},
                  "fair": {"$ref": "#/$defs/fairRule"}
                }
              }
            },
            "region": {
              "type": "object", "additionalProperties": false,
              "properties": {
                "newHomes": {"$ref": "#/$defs/range", "description": "The regional total of new homes."},
                "targets": {
                  "description": "Shares of all new homes that sets of segments must reach.",
                  "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
                  "additionalProperties": {
                    "type": "object", "required": ["segments"], "additionalProperties": false,
                    "anyOf": [{"required": ["minShare"]}, {"required": ["maxShare"]}],
                    "properties": {
                      "segments": {
                        "type": "array", "minItems": 1, "uniqueItems": true, "items": {"$ref": "#/$defs/id"}
                      },
                      "minShare": {"$ref": "#/$defs/share"},
                      "maxShare": {"$ref": "#/$defs/share"},
                      "mode": {"$ref": "#/$defs/mode"},
                      "weight": {"$ref": "#/$defs/count"},
                      "perPeriod": {"$ref": "#/$defs/carryOver", "description": "The target holds in every period too, arrears carried by this rule."}
                    }
                  }
                }
              }
            },
            "periods": {
              "description": "The programme's periods, keyed by id, in time order (years, half-years, ...).",
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {
                "type": "object", "required": ["start", "end"], "additionalProperties": false,
                "properties": {
                  "label": {"$ref": "#/$defs/text"},
                  "start": {"$ref": "#/$defs/month"},
                  "end": {"$ref": "#/$defs/month"},
                  "newHomes": {"$ref": "#/$defs/range", "description": "The region's new homes in this period."},
                  "priorityGroups": {"$ref": "#/$defs/periodDemands"},
                  "care": {"$ref": "#/$defs/periodDemands"}
                }
              }
            },
            "monitoring": {
              "type": "object", "additionalProperties": false,
              "properties": {
                "asOf": {"$ref": "#/$defs/id", "description": "The last realised period."},
                "categories": {
                  "type": "object", "additionalProperties": false,
                  "properties": {
                    "onTrack": {"$ref": "#/$defs/share"}, "behind": {"$ref": "#/$defs/share"},
                    "wellBehind": {"$ref": "#/$defs/share"}
                  }
                }
              }
            },
            "priorityGroups": {
              "description": "Groups to house (statushouders, ...), keyed by id.",
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "label": {"$ref": "#/$defs/text"},
                  "demand": {"$ref": "#/$defs/range", "description": "Placements in the horizon."},
                  "key": {"$ref": "#/$defs/key"},
                  "mode": {"$ref": "#/$defs/mode"},
                  "weight": {"$ref": "#/$defs/count"},
                  "carryOver": {"$ref": "#/$defs/carryOver"},
                  "statutory": {
                    "description": "The task as the law computes it: population share of the national number, rounded up, plus agreed swaps (summing to 0).",
                    "type": "object", "required": ["nationalNumber", "nationalPopulation"], "additionalProperties": false,
                    "properties": {
                      "nationalNumber": {"$ref": "#/$defs/count"},
                      "nationalPopulation": {"$ref": "#/$defs/count"},
                      "population": {"type": "string", "description": "An attribute with the reference population; default: population."},
                      "swaps": {"type": "object", "propertyNames": {"$ref": "#/$defs/id"}, "additionalProperties": {"type": "number"}}
                    }
                  }
                }
              }
            },
            "care": {
              "description": "Care qualities of new homes (zero-step, clustered, ...), keyed by id.",
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "label": {"$ref": "#/$defs/text"},
                  "demand": {"$ref": "#/$defs/range", "description": "New homes with this quality."},
                  "key": {"$ref": "#/$defs/key"},
                  "maxShareOfNewHomes": {"$ref": "#/$defs/share"},
                  "mode": {"$ref": "#/$defs/mode"},
                  "weight": {"$ref": "#/$defs/count"},
                  "carryOver": {"$ref": "#/$defs/carryOver"}
                }
              }
            },
            "municipalityDefaults": {
              "description": "Fields every municipality has unless it says otherwise (merged under each, RFC 7396).",
              "type": "object", "additionalProperties": false,
              "properties": {
                "newHomes": {"$ref": "#/$defs/range"},
                "limits": {"$ref": "#/$defs/limitsBySegment"},
                "lettings": {"$ref": "#/$defs/count"},
                "maxPriorityShare": {"$ref": "#/$defs/share"},
                "placements": {"$ref": "#/$defs/ranges"},
                "care": {"$ref": "#/$defs/ranges"},
                "alternatives": {"$ref": "#/$defs/alternatives"},
                "obligations": {"$ref": "#/$defs/obligations"}
              }
            },
            "municipalities": {
              "description": "The municipalities, keyed by id (usually the CBS code); at least one.",
              "type": "object", "minProperties": 1, "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {"$ref": "#/$defs/municipality"}
            },
            "municipalityTable": {
              "description": "Municipalities from a CSV table saved from a spreadsheet (docs/model.md §2): each row one municipality, merged into municipalities by id.",
              "type": "object", "required": ["file", "columns"], "additionalProperties": false,
              "properties": {
                "file": {"type": "string", "minLength": 1, "description": "The CSV file, relative to the scenario file's folder."},
                "locale": {"type": "string", "description": "The numbers' notation: nl (1.234,5) or en (1,234.5). Without it, a number such as 127.000 that the two read differently is an error."},
                "separator": {"enum": [";", ",", "\t"], "description": "Default: the one the header row holds most of."},
                "columns": {
                  "description": "Municipality field → the header of its column in row 1: id (required), name, population, households, lettings, maxPriorityShare, newHomes, newHomes.min, newHomes.max, stock.SEGMENT, realised.SEGMENT, housed.GROUP, attributes.NAME, limits.SEGMENT.FIELD, placements.GROUP(.min|.max), care.QUALITY(.min|.max).",
                  "type": "object", "required": ["id"],
                  "additionalProperties": {
                    "oneOf": [
                      {"type": "string"},
                      {"type": "object", "required": ["header"], "additionalProperties": false,
                       "properties": {"header": {"type": "string"},
                                      "empty": {"oneOf": [{"enum": ["error", "absent"]}, {"type": "number"}],
                                                "description": "What an empty cell means: error (default), absent (the field left out), or this number."}}}
                    ]
                  }
                }
              }
            },
            "fairness": {
              "type": "object", "additionalProperties": false,
              "properties": {"norm": {"enum": ["sum", "max", "leximin"]}, "over": {"enum": ["periods", "horizon"]}}
            },
            "solver": {
              "type": "object", "additionalProperties": false,
              "properties": {
                "integer": {"type": "boolean", "description": "Whole homes and placements (every level a MIP)."},
                "mipGap": {"$ref": "#/$defs/share"},
                "timeLimit": {"type": "number", "exclusiveMinimum": 0, "maximum": 1000000, "description": "s"},
                "method": {"enum": ["simplex", "interior"]},
                "allocation": {"enum": ["central", "any"], "description": "central (default): every figure with its range and the central allocation; any: the first optimal vertex, no ranges."}
              }
            },
            "variants": {
              "description": "What-ifs, keyed by id: each a JSON Merge Patch (RFC 7396) of this file.",
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {
                "type": "object", "required": ["patch"], "additionalProperties": false,
                "properties": {"description": {"type": "string"}, "patch": {"type": "object"}}
              }
            }
          },
          "$defs": {
            "id": {
              "description": "1 to 64 letters, digits, '-', '_' or '.'.",
              "type": "string", "pattern": "^[A-Za-z0-9_.-]{1,64}$"
            },
            "text": {
              "description": "A name or label: at most 200 characters, no control characters.",
              "type": "string", "maxLength": 200, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
            },
            "year": {"type": "integer", "minimum": -999999999, "maximum": 999999999},
            "month": {"description": "A year and month, \"2025-01\".", "type": "string", "pattern": "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$"},
            "carryOver": {
              "description": "Arrears to the next period (default), spread over the later ones, or none; a surplus credited or not (default).",
              "oneOf": [
                {"const": true},
                {"type": "object", "additionalProperties": false,
                 "properties": {"arrears": {"enum": ["next", "spread", "none"]}, "surplus": {"enum": ["none", "credit"]}}}
              ]
            },
            "periodDemands": {
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {
                "type": "object", "required": ["demand"], "additionalProperties": false,
                "properties": {"demand": {"$ref": "#/$defs/range"}}
              }
            },
            "count": {"description": "Homes, placements, persons or a weight: 0 or more.",
                      "type": "number", "minimum": 0},
            "share": {"description": "A fraction in [0, 1]: write 30% as 0.3.",
                      "type": "number", "minimum": 0, "maximum": 1},
            "mode": {"description": "hard (default): must hold; soft: a shortfall is allowed and minimised first.",
                     "enum": ["hard", "soft"]},
            "range": {
              "description": "A number n (min = max = n) or {\"min\": a, \"max\": b}; min 0, max none by default.",
              "oneOf": [
                {"$ref": "#/$defs/count"},
                {"type": "object", "additionalProperties": false,
                 "properties": {"min": {"$ref": "#/$defs/optionalCount"}, "max": {"$ref": "#/$defs/optionalCount"}}}
              ]
            },
            "key": {
              "description": "An attribute name (population, stock.<segment>, ...) or an object of weights.",
              "oneOf": [
                {"type": "string"},
                {"type": "object", "minProperties": 1, "additionalProperties": {"$ref": "#/$defs/count"}}
              ]
            },
            "fairRule": {
              "description": "How a segment's fair share is set.",
              "oneOf": [
                {"type": "object", "required": ["rule"], "additionalProperties": false,
                 "properties": {"rule": {"const": "proportional"}, "key": {"$ref": "#/$defs/key"},
                                "weight": {"$ref": "#/$defs/count"}}},
                {"type": "object", "required": ["rule"], "additionalProperties": false,
                 "properties": {"rule": {"const": "converge"}, "targetShare": {"$ref": "#/$defs/share"},
                                "weight": {"$ref": "#/$defs/count"}}},
                {"type": "object", "required": ["rule"], "additionalProperties": false,
                 "properties": {"rule": {"const": "none"}, "key": true, "targetShare": true, "weight": true}}
              ]
            },
            "counts": {
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {"$ref": "#/$defs/count"}
            },
            "ranges": {
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {"anyOf": [{"$ref": "#/$defs/range"}, {"type": "null"}]}
            },
            "limitsBySegment": {
              "description": "Limits per segment.",
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {"anyOf": [{"$ref": "#/$defs/limits"}, {"type": "null"}]}
            },
            "limits": {
              "type": "object", "additionalProperties": false,
              "properties": {
                "min": {"$ref": "#/$defs/optionalCount"}, "max": {"$ref": "#/$defs/optionalCount"},
                "minNewShare": {"$ref": "#/$defs/optionalShare"}, "maxNewShare": {"$ref": "#/$defs/optionalShare"},
                "minStockShare": {"$ref": "#/$defs/optionalShare"}, "maxStockShare": {"$ref": "#/$defs/optionalShare"}
              }
            },
            "optionalCount": {"anyOf": [{"$ref": "#/$defs/count"}, {"type": "null"}]},
            "optionalShare": {"anyOf": [{"$ref": "#/$defs/share"}, {"type": "null"}]},
            "alternatives": {
              "description": "Either-or requirements: per rule, options of which at least one must hold.",
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {"anyOf": [{"type": "null"}, {
                "type": "array", "minItems": 1,
                "items": {
                  "type": "object", "required": ["segments", "minNewShare"], "additionalProperties": false,
                  "properties": {
                    "segments": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/id"}},
                    "minNewShare": {"$ref": "#/$defs/share"}
                  }
                }
              }]}
            },
            "obligation": {
              "type": "object", "required": ["segments", "minNewShare"], "additionalProperties": false,
              "properties": {
                "segments": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/id"}},
                "minNewShare": {"$ref": "#/$defs/share"}
              }
            },
            "obligations": {
              "description": "Obligations the data decide: the existing stock share against a threshold picks one.",
              "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {"anyOf": [{"type": "null"}, {
                "type": "object", "required": ["measure", "threshold", "below", "atOrAbove"],
                "additionalProperties": false,
                "properties": {
                  "measure": {"oneOf": [
                    {"type": "object", "required": ["segments"], "additionalProperties": false,
                     "properties": {"segments": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/id"}}}},
                    {"type": "object", "required": ["attribute"], "additionalProperties": false,
                     "properties": {"attribute": {"type": "string"}}}
                  ]},
                  "threshold": {"oneOf": [
                    {"$ref": "#/$defs/share"},
                    {"const": "regional"},
                    {"type": "object", "required": ["national"], "additionalProperties": false,
                     "properties": {"national": {"$ref": "#/$defs/share"}}}
                  ]},
                  "below": {"$ref": "#/$defs/obligation"},
                  "atOrAbove": {"$ref": "#/$defs/obligation"}
                }
              }]}
            },
            "municipality": {
              "description": "null removes a value from municipalityDefaults (RFC 7396).",
              "type": "object", "required": ["name"], "additionalProperties": false,
              "properties": {
                "name": {"$ref": "#/$defs/text"},
                "population": {"$ref": "#/$defs/count"},
                "households": {"$ref": "#/$defs/count"},
                "stock": {"$ref": "#/$defs/counts", "description": "Existing homes per segment."},
                "newHomes": {"anyOf": [{"$ref": "#/$defs/range"}, {"type": "null"}],
                             "description": "Capacity for new homes."},
                "realised": {"$ref": "#/$defs/counts", "description": "New homes already built, per segment."},
                "limits": {"anyOf": [{"$ref": "#/$defs/limitsBySegment"}, {"type": "null"}]},
                "lettings": {"anyOf": [{"$ref": "#/$defs/count"}, {"type": "null"}],
                             "description": "Existing homes falling vacant to let."},
                "maxPriorityShare": {"anyOf": [{"$ref": "#/$defs/share"}, {"type": "null"}]},
                "placements": {"anyOf": [{"$ref": "#/$defs/ranges"}, {"type": "null"}],
                               "description": "Placements per priority group."},
                "care": {"anyOf": [{"$ref": "#/$defs/ranges"}, {"type": "null"}],
                         "description": "New homes per care quality."},
                "alternatives": {"anyOf": [{"$ref": "#/$defs/alternatives"}, {"type": "null"}]},
                "obligations": {"anyOf": [{"$ref": "#/$defs/obligations"}, {"type": "null"}]},
                "housed": {"$ref": "#/$defs/counts", "description": "People of each priority group housed so far in the horizon."},
                "periods": {
                  "description": "Per period: capacity, and what was realised (per segment, priority group or care quality).",
                  "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
                  "additionalProperties": {
                    "type": "object", "additionalProperties": false,
                    "properties": {"newHomes": {"$ref": "#/$defs/range"}, "realised": {"$ref": "#/$defs/counts"}}
                  }
                },
                "stockChanges": {
                  "description": "Changes to the existing stock besides new building, over the horizon.",
                  "type": "object", "additionalProperties": false,
                  "properties": {
                    "demolition": {"$ref": "#/$defs/counts"},
                    "transfers": {"type": "array", "items": {
                      "type": "object", "required": ["from", "to", "homes", "kind"], "additionalProperties": false,
                      "properties": {
                        "from": {"$ref": "#/$defs/id"}, "to": {"$ref": "#/$defs/id"},
                        "homes": {"$ref": "#/$defs/count"},
                        "kind": {"enum": ["sale", "liberalisation", "conversion"]}
                      }
                    }}
                  }
                },
                "attributes": {
                  "description": "Further numbers, usable as keys.",
                  "type": "object", "propertyNames": {"$ref": "#/$defs/id"},
                  "additionalProperties": {"type": "number"}
                }
              }
            }
          }
        }
        """#
}
