/// JSON paths as fairshare prints them: member names joined by dots, array positions in brackets —
/// `municipalities.GM0505.limits.social-rent.max`, `region.targets.social-30.segments[1]`.
public enum JSONPath {
    /// Renders path components (`"[3]"` for array positions) as one path.
    public static func render(_ components: [String]) -> String {
        var out = ""
        for component in components {
            if component.hasPrefix("[") || out.isEmpty {
                out += component
            } else {
                out += "." + component
            }
        }
        return out
    }
}
