/// `Codable`, so that scenarios can be embedded in an application's own `Codable` types.
///
/// Reading a scenario through `Decoder` validates it exactly as ``ScenarioLoader`` does (a ``ScenarioError``
/// with every problem is thrown). One difference: Foundation's decoders do not report the order of an object's
/// members, so segments, groups, care qualities, targets and variants come out sorted by id. Municipalities are
/// always sorted by id. Read files with ``ScenarioLoader`` to keep the file's order.
extension Scenario: Codable {
    /// Decodes and validates a scenario; throws ``ScenarioError`` listing every problem.
    public init(from decoder: any Decoder) throws {
        self = try ScenarioLoader().read(try JSONValue(from: decoder))
    }

    /// Encodes the scenario document as read (after any variant patch).
    public func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
    }
}
