import Foundation

/// A value shared between threads, read and written only under a lock (`NSLock`, a pthread mutex).
///
/// Used instead of the standard library's `Mutex` because ThreadSanitizer (scripts/sanitizers.sh) does not see the
/// synchronisation of `Mutex` on Linux: its futex-based lock lives in the uninstrumented standard library, so every
/// access under it was reported as a data race. ThreadSanitizer intercepts pthread mutexes, so with this lock a
/// report is a real race.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` on the value while holding the lock.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
