/// Each key attribute's regional total, how many municipalities give it and where it is negative, worked out once
/// for all keys of a scenario.
///
/// A file may declare hundreds of thousands of segments, each with a key, or one key of hundreds of thousands of
/// attributes, over 10,000 municipalities: looking each attribute up in every municipality for every key took
/// hours. Here every municipality's figures are read once, and an attribute's totals once.
struct KeyAttributeTotals {
    /// One attribute over the region.
    struct Summary {
        /// The sum over the municipalities that give it, in their order.
        var total = 0.0
        /// How many municipalities give it.
        var present = 0
        /// The municipalities where it is below 0, in their order.
        var negatives: [(id: String, value: Double)] = []
    }

    private let municipalities: [Municipality]
    private let segments: DeclaredIDs
    /// The attributes municipalities give in `attributes`, summed; made when looking attributes up one by one
    /// would cost more.
    private var given: [String: Summary]?
    /// The stock per segment, summed; made when first needed.
    private var stock: [String: Double]?
    private var cache: [String: Summary] = [:]
    /// How many attribute entries the municipalities hold in all.
    private let entries: Int

    /// How many municipalities the region has.
    var municipalityCount: Int { municipalities.count }

    init(municipalities: [Municipality], segments: DeclaredIDs) {
        self.municipalities = municipalities
        self.segments = segments
        entries = municipalities.reduce(0) { $0 + $1.attributes.count }
    }

    /// The attribute as `Municipality.keyAttribute(_:segmentIDs:)` reads it, over every municipality.
    mutating func summary(of attribute: String) -> Summary {
        if let known = cache[attribute] { return known }
        var summary = Summary()
        let builtIn = ["population", "households", "stock", "lettings", "capacity"].contains(attribute)
        let segment = attribute.hasPrefix("stock.") ? String(attribute.dropFirst(6)) : nil
        if let segment, !builtIn, segments.contains(segment) {
            if stock == nil {
                var sums: [String: Double] = [:]
                for municipality in municipalities {
                    for (segment, homes) in municipality.stock { sums[segment, default: 0] += homes }
                }
                stock = sums
            }
            summary = Summary(total: stock?[segment] ?? 0, present: municipalities.count)
        } else if !builtIn && (given != nil || (cache.count + 1) * municipalities.count > entries) {
            // Many attributes asked for: read every municipality's attributes once.
            if given == nil { given = Self.sums(of: municipalities) }
            summary = given?[attribute] ?? Summary()
        } else {
            for municipality in municipalities {
                let value =
                    builtIn ? municipality.keyAttribute(attribute, segmentIDs: []) : municipality.attributes[attribute]
                guard let value else { continue }
                summary.total += value
                summary.present += 1
                if value < 0 { summary.negatives.append((municipality.id, value)) }
            }
        }
        cache[attribute] = summary
        return summary
    }

    /// Every attribute the municipalities give, summed in their order.
    private static func sums(of municipalities: [Municipality]) -> [String: Summary] {
        var sums: [String: Summary] = [:]
        for municipality in municipalities {
            for (name, value) in municipality.attributes {
                sums[name, default: Summary()].total += value
                sums[name, default: Summary()].present += 1
                if value < 0 { sums[name, default: Summary()].negatives.append((municipality.id, value)) }
            }
        }
        return sums
    }

    /// The first `count` municipalities that do not give the attribute, in their order.
    func missing(_ attribute: String, first count: Int) -> [String] {
        let builtIn = ["population", "households", "stock", "lettings", "capacity"].contains(attribute)
        var out: [String] = []
        for municipality in municipalities {
            let value =
                builtIn ? municipality.keyAttribute(attribute, segmentIDs: []) : municipality.attributes[attribute]
            if value == nil { out.append(municipality.id) }
            if out.count == count { break }
        }
        return out
    }
}
