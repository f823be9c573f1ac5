import Foundation

/// A flag that stops solves early, set from any thread or task while a solve runs on another.
///
/// ```swift
/// let cancellation = SolverCancellation()
/// let options = SolverOptions(cancellation: cancellation)
/// // elsewhere, any time: cancellation.cancel()
/// let solution = try Solver.solve(model, options: options)    // status .cancelled if it was
/// ```
/// A solve sees the flag (from ``SolverOptions/cancellation``, or else from ``current``):
/// - before it calls GLPK at all;
/// - during the simplex method, every ``iterationsPerCheck`` iterations: the simplex runs in slices of that many
///   iterations, each continuing warm from the basis the previous one left. Slices count iterations, not time, so
///   a solve with a flag is as deterministic as one without. It takes the same path whenever no simplex run needs
///   more than ``iterationsPerCheck`` iterations; longer runs restart GLPK's pricing at each slice and may, in
///   principle, end in another optimal basis of a degenerate LP (with the same optimum). Measured on synthetic
///   regions of 100–1,000 municipalities (up to about 1.5 s per solve), results with and without a flag were
///   byte-identical at 1,000 iterations per slice, but not always at 500;
/// - during branch-and-cut, at every callback of GLPK's search tree (`glp_ios_terminate`);
/// - during the interior-point method, at every line GLPK prints (one per iteration): the method runs on a copy
///   of the problem on a thread of its own, and the call returns within about half a second of the cancel (see
///   ``SolverOptions/Method/interiorPoint``).
///
/// It is not seen inside a simplex run with ``SolverOptions/presolve`` (a sliced run could not continue from a
/// presolved basis). A cancelled solve returns ``SolveStatus/cancelled``, no values, and leaves the problem usable.
public final class SolverCancellation: Sendable, Hashable, CustomStringConvertible {
    private let lock = NSLock()
    nonisolated(unsafe) private var cancelled = false

    public init() {}

    /// Asks every solve that watches this flag to stop as soon as it next looks. Idempotent; cannot be undone.
    public func cancel() {
        lock.withLock { cancelled = true }
    }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool {
        lock.withLock { cancelled }
    }

    /// The flag seen by solves that have no ``SolverOptions/cancellation`` of their own: bind it around code that
    /// solves (`SolverCancellation.$current.withValue(flag) { … }`), down to every solve that code makes.
    @TaskLocal public static var current: SolverCancellation?

    /// Simplex iterations between two looks at the flag when a solve has one.
    public static let iterationsPerCheck = 1_000

    public static func == (lhs: SolverCancellation, rhs: SolverCancellation) -> Bool { lhs === rhs }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    public var description: String { "SolverCancellation(\(isCancelled ? "cancelled" : "not cancelled"))" }
}

extension SolveStatus {
    /// Whether a solve stopped because its ``SolverCancellation`` was cancelled.
    public var isCancelled: Bool {
        self == .cancelled
    }
}
