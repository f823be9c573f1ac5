internal import CGLPK
import Foundation

/// Exports of the problem as GLPK holds it (including every change since it was loaded), for inspection and
/// for running other solvers or `glpsol` on it.
extension GLPKProblem {
    /// The problem in CPLEX LP format (`glp_write_lp`), with the model's names.
    ///
    /// GLPK adjusts names to the LP format: a blank becomes `_`, `-` becomes `~`, `[` becomes `(` and `]`
    /// becomes `)` (so `x[GM0505,social-rent]` reads `x(GM0505,social~rent)`). A name that is still not valid
    /// (for example one starting with a digit or `.`, or containing `+`, `*`, `:` or non-ASCII characters), or an
    /// empty one, is replaced by `r_<row>` / `x_<column>` (1-based); the objective row is called `obj`.
    /// GLPK does not make names unique, so give distinct names for a file that reads back correctly.
    /// - Throws: ``SolverError/Code/exportFailed`` when the temporary file cannot be written or read.
    public func cplexLPText() throws(SolverError) -> String {
        let place = "cplexLPText()"
        let handle = try openHandle(place)
        return try exportText(place: place, fileExtension: "lp") { glp_write_lp(handle, nil, $0) }
    }

    /// The problem in free MPS format (`glp_write_mps` with `GLP_MPS_FILE`), with the model's names (empty
    /// names become `R<row>` / `C<column>`, the objective row is `R0000000`).
    ///
    /// MPS, as GLPK writes and reads it, has no objective sense: readers assume minimisation. For a
    /// maximisation, tell the reader (`glpsol --freemps --max FILE`). GLPK's reader rejects an `OBJSENSE`
    /// section, so none is added.
    /// - Throws: ``SolverError/Code/exportFailed`` when the temporary file cannot be written or read.
    public func mpsText() throws(SolverError) -> String {
        let place = "mpsText()"
        let handle = try openHandle(place)
        return try exportText(place: place, fileExtension: "mps") { glp_write_mps(handle, GLP_MPS_FILE, nil, $0) }
    }

    /// Lets GLPK write to a file in a private temporary directory, reads it back and deletes both. GLPK's messages
    /// ("Writing problem data to …") are captured, and quoted in the error when writing fails.
    ///
    /// GLPK opens the file by name (`fopen(name, "w")`), which follows a symbolic link and replaces what is there.
    /// The directory is made by `mkdtemp` (a random name, created or failed atomically, mode 0700), so no other
    /// user can put a file or a link where GLPK writes or read what it wrote.
    private func exportText(
        place: String, fileExtension: String, _ write: (UnsafePointer<CChar>) -> Int32
    ) throws(SolverError) -> String {
        let directory: URL
        do {
            directory = try PrivateDirectory.make()
        } catch {
            throw SolverError(
                .exportFailed, at: "GLPKProblem.\(place)", "could not make a private temporary directory: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("problem.\(fileExtension)")
        let log = TerminalLog(keepsText: true)
        let code = log.run { url.path.withCString { write($0) } }
        let messages = log.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard code == 0 else {
            throw SolverError(
                .exportFailed, at: "GLPKProblem.\(place)",
                "GLPK could not write the temporary file "
                    + "\(url.path) (return code \(code)): \(messages)")
        }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SolverError(
                .exportFailed, at: "GLPKProblem.\(place)",
                "could not read back the temporary file "
                    + "\(url.path): \(error)")
        }
    }
}

/// A fresh directory only its owner can enter, for files that a C library opens by name.
enum PrivateDirectory {
    /// Makes `fairshare-glpk-XXXXXX` (random) in the temporary directory (`$TMPDIR`, else `/tmp`) with `mkdtemp`:
    /// mode 0700, and never an existing directory or link.
    /// - Throws: the `errno` of `mkdtemp` as a `POSIXError`.
    static func make() throws -> URL {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("fairshare-glpk-XXXXXX").path
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let path = bytes.withUnsafeBufferPointer { buffer in String(cString: buffer.baseAddress!) }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
