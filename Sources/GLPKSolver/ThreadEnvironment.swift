internal import CGLPK
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// GLPK keeps one environment per thread (about 10 KB: its terminal hook, memory accounting, …) and frees it
/// only in `glp_free_env()`. A thread that ends without calling it leaks the environment — for a server that
/// solves on a thread per request, 10 KB per request. So every thread that creates a GLPK problem is registered
/// here, and a thread-specific-data destructor calls `glp_free_env()` when the thread ends.
///
/// Safe because no problem outlives ``GLPKProblem/withProblem(for:_:)``, which runs on its creating thread: when
/// the thread ends, its environment holds no problem. The main thread never runs the destructor (process exit
/// frees everything); threads of Swift's cooperative pool rarely end.
enum ThreadEnvironment {
    /// The key whose destructor frees the environment; created once.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let created = pthread_key_create(&key) { _ in
            glp_free_env()
            ThreadEnvironment.countFreed()
        }
        precondition(created == 0, "pthread_key_create failed: \(created)")
        return key
    }()

    private static let lock = NSLock()
    nonisolated(unsafe) private static var freed = 0

    private static func countFreed() {
        lock.withLock { freed += 1 }
    }

    /// How many threads have ended with their GLPK environment freed (for tests).
    static var environmentsFreed: Int {
        lock.withLock { freed }
    }

    /// Registers the calling thread, before its first GLPK call (cheap when it is registered already).
    static func register() {
        // Any non-nil value: the destructor runs only for threads whose value is not nil.
        if pthread_getspecific(key) == nil { pthread_setspecific(key, UnsafeMutableRawPointer(bitPattern: 1)) }
    }
}
