import Foundation

/// Where the test run's built products live: the `fairshare` executable is built there before the tests run.
enum CLITestSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL
}
