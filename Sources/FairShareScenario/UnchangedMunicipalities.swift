/// The municipalities of a valid scenario that a variant's patch leaves as they are, so that validating the
/// variant reads only what the patch changes.
///
/// A municipality is read from its own object, the `municipalityDefaults` and the declared segments, priority
/// groups, care qualities and periods. When the patch changes none of those for a municipality, the variant's
/// municipality is the base scenario's, already validated: reading it again would give the same value and no
/// problem. Without this, validating 1,000 variants of a 16 MiB region read the whole region 1,000 times
/// (minutes); the checks across municipalities (keys, swaps) still run on every variant.
struct UnchangedMunicipalities {
    /// The base scenario's municipalities by id.
    private let base: [String: Municipality]
    /// The municipalities the patch names.
    private let patched: Set<String>

    /// The members of a scenario that every municipality is read with.
    static let context = ["segments", "priorityGroups", "care", "periods", "municipalityDefaults"]

    /// `nil` when the patch may change every municipality: it changes what they are read with, or replaces
    /// `municipalities` by something that is not an object.
    init?(base: ScenarioDefinition, patch: JSONValue) {
        guard case .object(let changes) = patch else { return nil }
        if Self.context.contains(where: { changes[$0] != nil }) { return nil }
        switch changes["municipalities"] {
        case nil: patched = []
        case .object(let named)?: patched = Set(named.keys)
        default: return nil
        }
        self.base = Dictionary(base.municipalities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The base scenario's municipality `id`, when the patch leaves it unchanged.
    func municipality(_ id: String) -> Municipality? {
        patched.contains(id) ? nil : base[id]
    }
}
