import FairShareScenario

// Helpers of the validation tests: each breaks one thing in a valid scenario and looks at the problems reported.

/// `base` with `patch` merged in (RFC 7396), as JSON text.
func merging(_ patch: String, into base: String) throws -> String {
    let parser = JSONParser()
    return JSONWriter.text(try parser.parse(base).mergePatched(with: try parser.parse(patch)))
}

/// Every problem the loader reports for `json`; empty when it is valid.
func validationIssues(_ json: String) -> [ScenarioIssue] {
    do {
        _ = try ScenarioLoader().load(json: json)
        return []
    } catch {
        return error.issues
    }
}
