import Foundation

/// Finds the report templates (`report.html.mustache`, `report.md.mustache`) without the crash of
/// SwiftPM's `Bundle.module` when a copied binary has no resource bundle beside it: in order,
/// `$VERBATIM_TEMPLATES`, the resource bundle beside the binary (`Verbatim_VerbatimReport.resources`),
/// `share/verbatim/templates` beside an installed binary, then the source checkout's `Templates/`.
struct TemplateLocator {
    static let bundleName = "Verbatim_VerbatimReport.resources"

    func candidates() -> [URL] {
        var folders: [URL] = []
        if let configured = ProcessInfo.processInfo.environment["VERBATIM_TEMPLATES"], !configured.isEmpty {
            folders.append(URL(fileURLWithPath: configured))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for folder in [executable, Bundle.main.bundleURL] {
            folders.append(folder.appendingPathComponent(Self.bundleName).appendingPathComponent("Templates"))
            folders.append(folder.appendingPathComponent(Self.bundleName))
        }
        folders.append(executable.appendingPathComponent("../share/verbatim/templates").standardizedFileURL)
        folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Templates"))
        return folders
    }

    /// The template file `name` (e.g. `report.html`), or an error listing where it was looked for.
    func url(for name: String) throws -> URL {
        let file = name + ".mustache"
        let folders = candidates()
        for folder in folders where FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) {
            return folder.appendingPathComponent(file)
        }
        throw ReportRenderer.RenderError.template(
            name: name,
            reason: "not found; looked in \(folders.map(\.path).joined(separator: ", ")) (ship \(Self.bundleName) beside the binary or set VERBATIM_TEMPLATES)")
    }
}
