import FairShareTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum ReliabilityTestSupport {
    /// The hostile corpus (committed files; the huge cases are generated at test time).
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Corpus").standardizedFileURL

    /// Whether the slow, heavy checks run (`FAIRSHARE_HEAVY_TESTS=1`): more solves, larger regions.
    static let heavy = ProcessInfo.processInfo.environment["FAIRSHARE_HEAVY_TESTS"] == "1"

    /// How much slower than a plain debug build the code runs (`FAIRSHARE_TEST_TIME_SCALE`, default 1, at least 1):
    /// scripts/sanitizers.sh sets 10 for ThreadSanitizer, which slows the solver five to ten times, and 3 for
    /// AddressSanitizer. Tests that bound seconds multiply their time limits and bounds by it; what they check stays
    /// the same.
    static let timeScale = scale("FAIRSHARE_TEST_TIME_SCALE")

    /// How much more memory than a plain debug build a process needs (`FAIRSHARE_TEST_MEMORY_SCALE`, default 1):
    /// scripts/sanitizers.sh sets 4 for AddressSanitizer, whose shadow memory and quarantine of freed blocks
    /// (256 MB) more than double a process's peak. Tests that bound peak memory multiply their bounds by it.
    static let memoryScale = scale("FAIRSHARE_TEST_MEMORY_SCALE")

    /// The factor in the environment variable `name`: a finite number of at least 1, else 1.
    private static func scale(_ name: String) -> Double {
        guard let text = ProcessInfo.processInfo.environment[name], let value = Double(text), value.isFinite,
            value >= 1
        else { return 1 }
        return value
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
    /// Peak resident set size of the child alone, in kilobytes.
    var peakKilobytes: Int

    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    var description: String {
        "exit \(status) after \(String(format: "%.2f", seconds)) s, peak \(peakKilobytes / 1024) MB; stderr "
            + "(\(stderr.count) bytes): \(stderrText.prefix(600))"
    }

    /// `/usr/bin/time`, which measures its child's peak memory from a small process of its own.
    static let timeCommand = "/usr/bin/time"

    /// Runs `executable` with `arguments`, stdout and stderr into files, killed after `timeLimit` seconds.
    ///
    /// The peak memory is the child's own. `wait4`'s `ru_maxrss` of a process spawned from this one is not:
    /// glibc's `posix_spawn` starts the child in this process's address space (`CLONE_VM`), and Linux carries
    /// that space's peak into the child's at `exec`, so a test process of 1 GB (AddressSanitizer) would make
    /// every child look 1 GB large. So the child runs under `/usr/bin/time -f %M`, whose own fork is small; without
    /// it, the child's `VmHWM` is sampled from `/proc` while it runs.
    static func run(_ executable: URL, _ arguments: [String], timeLimit: Double = 60) throws -> ProcessRun {
        let directory = try temporaryDirectory("fairshare-reliability")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outPath = directory.appendingPathComponent("stdout").path
        let errPath = directory.appendingPathComponent("stderr").path
        let peakPath = directory.appendingPathComponent("peak").path
        let timed = FileManager.default.isExecutableFile(atPath: timeCommand)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // A process group of its own, so that the time limit kills the child and not only /usr/bin/time.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let command = timed ? [timeCommand, "-f", "%M", "-o", peakPath, executable.path] : [executable.path]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let start = Date()
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw NSError(
                domain: "ProcessRun", code: Int(spawned),
                userInfo: [
                    NSLocalizedDescriptionKey: "cannot start \(command[0]): \(String(cString: strerror(spawned)))"
                ])
        }
        var status: Int32 = 0
        var killed = false
        var sampledPeak = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { break }
            if !timed { sampledPeak = max(sampledPeak, highWaterMark(of: pid)) }
            if !killed && Date().timeIntervalSince(start) > timeLimit {
                kill(-pid, SIGKILL)
                killed = true
            }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(start)
        var exit: Int32
        if killed {
            exit = -1
        } else if status & 0x7F == 0 {
            exit = (status >> 8) & 0xFF
        } else {
            exit = 128 + (status & 0x7F)
        }
        var stderr = read(errPath)
        var peak = sampledPeak
        if timed {
            // /usr/bin/time -o writes "Command exited with non-zero status N" or "Command terminated by signal N"
            // before the figure; the exit status is the child's (128 + signal for a signal).
            let lines = String(decoding: read(peakPath), as: UTF8.self).split(separator: "\n")
            peak = lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
            if let signal = lines.first(where: { $0.hasPrefix("Command terminated by signal") }),
                let number = Int32(signal.split(separator: " ").last ?? "")
            {
                exit = 128 + number
                stderr.append(Data("\n[\(signal)]".utf8))
            }
        }
        return ProcessRun(status: exit, stdout: read(outPath), stderr: stderr, seconds: seconds, peakKilobytes: peak)
    }

    /// The whole file, read without `Data(contentsOf:)`, which leaks 4 KB for every empty file in
    /// swift-foundation on Linux (LeakSanitizer reports it).
    static func read(_ path: String) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.readToEnd()) ?? Data()
    }

    /// The child's `VmHWM` (peak resident set of its current address space) in kilobytes, or 0.
    static func highWaterMark(of pid: pid_t) -> Int {
        let status = String(decoding: read("/proc/\(pid)/status"), as: UTF8.self)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0
    }
}
