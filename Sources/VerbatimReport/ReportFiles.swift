import Foundation
import VerbatimInsights

/// Writes `report.html` and `report.md` into a folder, each atomically.
public struct ReportFiles: Sendable {
    public var renderer: ReportRenderer

    public init(renderer: ReportRenderer) {
        self.renderer = renderer
    }

    public func write(_ insights: Insights, to folder: URL) throws {
        try Data(renderer.html(insights).utf8).write(to: folder.appendingPathComponent("report.html"), options: .atomic)
        try Data(renderer.markdown(insights).utf8).write(to: folder.appendingPathComponent("report.md"), options: .atomic)
    }
}
