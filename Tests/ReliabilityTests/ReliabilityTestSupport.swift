import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum ReliabilityTestSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL

    /// The hostile corpus (committed files; the huge cases are generated at test time).
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Corpus").standardizedFileURL

    /// Whether the slow, heavy checks run (`FAIRSHARE_HEAVY_TESTS=1`): more solves, larger regions.
    static let heavy = ProcessInfo.processInfo.environment["FAIRSHARE_HEAVY_TESTS"] == "1"

    /// The `fairshare` executable `swift test` built next to the test bundle (the CLI test target depends on
    /// it), or `FAIRSHARE_EXECUTABLE` when set.
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["FAIRSHARE_EXECUTABLE"] {
            return URL(fileURLWithPath: path)
        }
        let own = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        var directory = own.deletingLastPathComponent()
        // On macOS the tests run inside fairsharePackageTests.xctest/Contents/MacOS.
        while directory.path.contains(".xctest") { directory = directory.deletingLastPathComponent() }
        return directory.appendingPathComponent("fairshare")
    }()

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("fairshare-reliability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One finished child process: what it wrote, how it ended, what it cost.
struct ProcessRun: CustomStringConvertible {
    /// The exit status, or `128 + signal` when a signal ended it; -1 when it was killed at the time limit.
    var status: Int32
    var stdout: Data
    var stderr: Data
    /// Wall-clock seconds.
    var seconds: Double
    /// Peak resident set size of the child alone (`wait4`'s `ru_maxrss`), in kilobytes.
    var peakKilobytes: Int

    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    var description: String {
        "exit \(status) after \(String(format: "%.2f", seconds)) s, peak \(peakKilobytes / 1024) MB; stderr "
            + "(\(stderr.count) bytes): \(stderrText.prefix(600))"
    }

    /// Runs `executable` with `arguments`, stdout and stderr into files, killed after `timeLimit` seconds.
    /// Measures the child alone with `wait4` (not `RUSAGE_CHILDREN`, which would mix in other children).
    static func run(_ executable: URL, _ arguments: [String], timeLimit: Double = 60) throws -> ProcessRun {
        let directory = try ReliabilityTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outPath = directory.appendingPathComponent("stdout").path
        let errPath = directory.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let start = Date()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw NSError(domain: "ProcessRun", code: Int(spawned), userInfo: [
                NSLocalizedDescriptionKey: "cannot start \(executable.path): \(String(cString: strerror(spawned)))",
            ])
        }
        var status: Int32 = 0
        var usage = rusage()
        var killed = false
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { break }
            if !killed && Date().timeIntervalSince(start) > timeLimit {
                kill(pid, SIGKILL)
                killed = true
            }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(start)
        let exit: Int32
        if killed {
            exit = -1
        } else if status & 0x7F == 0 {
            exit = (status >> 8) & 0xFF
        } else {
            exit = 128 + (status & 0x7F)
        }
        return ProcessRun(
            status: exit, stdout: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(),
            stderr: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), seconds: seconds,
            peakKilobytes: Int(usage.ru_maxrss))
    }
}
