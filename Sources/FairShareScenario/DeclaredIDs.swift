/// The ids a scenario declares of one kind (segments, priority groups, …), in the order of the file, with a set for
/// looking them up: a file may declare hundreds of thousands and refer to them as often, so a reference is checked
/// in constant time, not by a search through the list.
struct DeclaredIDs: ExpressibleByArrayLiteral {
    /// In the order of the file.
    let ids: [String]
    private let lookup: Set<String>

    init(_ ids: [String]) {
        self.ids = ids
        lookup = Set(ids)
    }

    init(arrayLiteral ids: String...) {
        self.init(ids)
    }

    var isEmpty: Bool { ids.isEmpty }

    func contains(_ id: String) -> Bool { lookup.contains(id) }

    static func + (first: DeclaredIDs, second: DeclaredIDs) -> DeclaredIDs { DeclaredIDs(first.ids + second.ids) }
}
