import LinearModel

/// One number of the allocation whose range over the optimal face is reported: a municipality's new homes of a
/// segment (x_is), placements of a priority group (y_ig) or homes of a care quality (z_ic) — the *allocated*
/// figures — and the derived totals: a municipality's new homes (N_i) and the regional totals (X_s, Y_g, Z_c, N).
/// Every figure is one variable of the ``Formulation``.
struct Figure: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case newHomes(segment: Int)
        case placements(group: Int)
        case care(quality: Int)
        case total
    }

    var kind: Kind
    /// The municipality's position in the scenario, or `nil` for a regional total.
    var municipality: Int?
    var variable: Variable

    /// Whether the central allocation places this figure (x, y or z); totals follow from those.
    var isAllocated: Bool { municipality != nil && kind != .total }
}

extension Formulation {
    /// Every figure, municipality by municipality (segments, groups, care qualities, total), then the region's.
    var figures: [Figure] {
        var figures: [Figure] = []
        for i in newHomes.indices {
            figures += newHomes[i].enumerated().map {
                Figure(kind: .newHomes(segment: $0), municipality: i, variable: $1)
            }
            figures += placements[i].enumerated().map {
                Figure(kind: .placements(group: $0), municipality: i, variable: $1)
            }
            figures += careHomes[i].enumerated().map { Figure(kind: .care(quality: $0), municipality: i, variable: $1) }
            figures.append(Figure(kind: .total, municipality: i, variable: totals[i]))
        }
        figures += regionalNewHomes.enumerated().map {
            Figure(kind: .newHomes(segment: $0), municipality: nil, variable: $1)
        }
        figures += regionalPlacements.enumerated().map {
            Figure(kind: .placements(group: $0), municipality: nil, variable: $1)
        }
        figures += regionalCare.enumerated().map { Figure(kind: .care(quality: $0), municipality: nil, variable: $1) }
        figures.append(Figure(kind: .total, municipality: nil, variable: regionalTotal))
        return figures
    }
}
