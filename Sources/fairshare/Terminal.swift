import FairShareEngine
import Foundation
import Synchronization

/// Writing to the terminal's streams: results on stdout, messages on stderr.
enum Terminal {
    /// Writes a message line to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    /// Writes `text` to `path`, or to stdout when `path` is nil or `-`.
    /// - Throws: ``ExitStatus/usage`` after a message when the file cannot be written.
    static func output(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "\(error)"
            Terminal.error("fairshare: cannot write \(path): \(reason)")
            throw ExitStatus.usage
        }
    }

    /// Whether standard error is a terminal (where progress may be shown).
    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// The width (characters) tables aim for on standard output: the terminal's width when stdout is a terminal,
    /// otherwise 100, so that files and pipes get the same text on every machine.
    static var tableWidth: Int {
        guard isatty(1) != 0 else { return 100 }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 else { return 100 }
        return Int(size.ws_col)
    }
}

/// A one-line progress display on standard error (`solving 3 of 7: max-norm`), shown only when standard error is
/// a terminal and there is enough work to wait for; silent otherwise.
struct Progress {
    let total: Int
    let isShown: Bool

    /// - Parameter minimum: the least number of steps worth a display.
    init(total: Int, minimum: Int = 4) {
        self.total = total
        isShown = total >= minimum && Terminal.stderrIsTerminal
    }

    /// Shows step `index` (from 1) of `total`, replacing the previous line.
    func step(_ index: Int, _ what: String) {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[Kfairshare: solving \(index) of \(total): \(what)".utf8))
    }

    /// Clears the display.
    func finish() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// One line on standard error (a terminal only) while a solve takes more than a second: what it is doing and for
/// how long (`fairshare: ranges, 1,200 of 4,800 linear programmes (3.2 s)`), at most four times a second.
final class SolveProgressLine: Sendable {
    private let lastShown = Mutex<Duration?>(nil)

    /// Shows `progress` (the engine's ``SolveOptions/progress`` callback).
    func show(_ progress: SolveProgress) {
        guard progress.elapsed >= .seconds(1), Terminal.stderrIsTerminal else { return }
        let due = lastShown.withLock { last -> Bool in
            guard last.map({ progress.elapsed - $0 >= .milliseconds(250) }) ?? true else { return false }
            last = progress.elapsed
            return true
        }
        guard due else { return }
        let what: String
        switch progress.step {
        case .levels: what = "levels solved"
        case .ranges(let solved, let of): what = "ranges, \(solved) of \(of) linear programmes"
        case .centre(let stage, let open): what = "central allocation, stage \(stage), \(open) figures to place"
        case .rounding: what = "rounding to whole numbers"
        }
        let seconds =
            Double(progress.elapsed.components.seconds)
            + Double(progress.elapsed.components.attoseconds) * 1e-18
        let line = "\r\u{1B}[Kfairshare: \(what) (\(String(format: "%.1f", seconds)) s)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the line, if one was shown.
    func finish() {
        guard lastShown.withLock({ $0 }) != nil else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Runs `solve` with solve options that show its progress on this line. (An explicit callback, not a task-local
    /// value: `TaskLocal.withValue` outside a task crashed the release build with Swift 6.3 on Linux.)
    func around<R>(_ solve: (SolveOptions) throws -> R) rethrows -> R {
        defer { finish() }
        return try solve(SolveOptions(progress: { [self] in show($0) }))
    }
}
