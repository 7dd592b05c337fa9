import Foundation
import Mustache
import VerbatimInsights

/// Renders insights as `report.html` (one self-contained file: inline CSS, SVG and a little JS for
/// sorting and filtering; no network) and `report.md` (the same findings for e-mail or chat).
/// The templates are resources (`Templates/*.mustache`, found by `TemplateLocator`; `$VERBATIM_TEMPLATES`
/// points at a restyled copy) so a team can restyle them; every value
/// reaches them through Mustache's escaping, so comment text is shown, never run.
public struct ReportRenderer: Sendable {
    public var language: ReportStrings.Language
    /// Theme and touch-point labels by id (from the lexicons); ids are shown where none is given.
    public var labels: [String: String]
    /// Rows shown in the flagged queue of the HTML report (the summary keeps at most 500).
    public var queueLimit = 500
    /// The period of "what changed" and the charts.
    public var period: Insights.Period = .month
    /// An earlier summary to compare with (`--baseline`).
    public var baseline: Summary?
    /// Segment values shown per column (the rest are pooled).
    public var segmentValuesShown = 8

    public init(language: ReportStrings.Language = .en, labels: [String: String] = [:], period: Insights.Period = .month, baseline: Summary? = nil) {
        self.language = language
        self.labels = labels
        self.period = period
        self.baseline = baseline
    }

    public enum RenderError: Error, CustomStringConvertible {
        case template(name: String, reason: String)
        public var description: String {
            switch self {
            case .template(let name, let reason): "report template \(name): \(reason)"
            }
        }
    }

    public func html(_ insights: Insights) throws -> String {
        try template("report.html").render(context(insights, markdown: false))
    }

    public func markdown(_ insights: Insights) throws -> String {
        try template("report.md").render(context(insights, markdown: true))
    }

    private func template(_ name: String) throws -> MustacheTemplate {
        let url = try TemplateLocator().url(for: name)
        do {
            return try MustacheTemplate(string: String(contentsOf: url, encoding: .utf8))
        } catch {
            throw RenderError.template(name: name, reason: "\(error)")
        }
    }

    // MARK: The view model

    func context(_ insights: Insights, markdown: Bool) -> [String: Any] {
        let strings = ReportStrings(language)
        let summary = insights.summary
        // Markdown: the template's TEXT content type does not escape, so values are escaped here.
        func text(_ value: String) -> String { markdown ? Self.markdownEscaped(value) : value }
        func label(_ id: String) -> String { text(id == Summary.noTouchpoint ? strings["none"] : labels[id] ?? id.replacingOccurrences(of: "_", with: " ")) }
        func route(_ id: String) -> String { text(id.replacingOccurrences(of: "_", with: " ")) }
        /// Distinct top-level themes, in first-mention order.
        func topLevelLabels(_ ids: [String]) -> String {
            var seen: [String] = []
            for id in ids.map({ String($0.split(separator: ".").first ?? Substring($0)) }) where !seen.contains(id) { seen.append(id) }
            return seen.map(label).joined(separator: ", ")
        }
        func format(_ template: String, _ values: String...) -> String {
            var result = template
            for value in values {
                guard let range = result.range(of: "%@") else { break }
                result.replaceSubrange(range, with: value)
            }
            return result
        }
        let scoreType = insights.scoreType
        let impactUnit = insights.driversUseNPS ? strings["npsPoints"] : "\(scoreType?.figureName ?? "") " + strings["scorePoints"].split(separator: " ").prefix(1).joined()
        func segmentLabel(_ segment: String) -> String { text(segment.replacingOccurrences(of: "=", with: " ")) }

        var context: [String: Any] = ["s": strings.table.mapValues(text)]
        context["subtitle"] = format(strings["subtitle"], number(summary.classified))

        context["actions"] = insights.actions(period: period).map { action -> [String: Any] in
            let place = action.touchpoint.map { format(strings["atTouchpoint"], label($0)) } ?? ""
            switch action.kind {
            case .flag:
                return ["text": format(strings["actFlag"], number(action.count), label(action.subject), route(action.route ?? ""))]
            case .driver:
                return ["text": format(strings["actDriver"], label(action.subject), place, number(action.count), percent(action.negativeShare),
                                       decimal(abs(action.impact ?? 0)), impactUnit)]
            case .change:
                let change = action.change!
                let verb = change.kind == .rising ? strings["rose"] : change.kind == .falling ? strings["fell"] : strings["moreNegative"]
                return ["text": format(strings["actChange"], label(change.theme), verb, change.segment.map { format(strings["inSegment"], segmentLabel($0)) } ?? "",
                                       text(change.period), percent(change.share), percent(change.baselineShare))]
            case .hotspot:
                return ["text": format(strings["actHotspot"], label(action.subject), place, number(action.count), percent(action.negativeShare))]
            }
        }

        var kpis: [[String: Any]] = [["label": strings["comments"], "value": number(summary.classified)]]
        if let scoreType, let figure = insights.scoreFigure {
            let shown: String
            switch scoreType {
            case .nps: shown = signed(figure)
            case .csat: shown = "\(Int(figure.rounded()))%"
            case .ces: shown = decimal(figure) + (scoreType.easyShare(summary.scores).map { " · \(Int($0.rounded()))% \(strings["easy"])" } ?? "")
            }
            kpis.append(["label": scoreType.figureName + (insights.scoreTypeDetected ? " (\(strings["scoreDetected"]))" : ""), "value": shown])
        }
        for labelName in ["positive", "negative", "mixed", "neutral"] {
            kpis.append(["label": strings[labelName], "value": percent(insights.share(labelName))])
        }
        kpis.append(["label": strings["languages"], "small": true, "value": summary.languages.sorted { $0.value > $1.value }.map { "\($0.key == "und" ? strings["undetermined"] : $0.key) \(percent(Double($0.value) / Double(max(1, summary.classified))))" }.joined(separator: " · ")])
        let problemRows = summary.problems.values.reduce(0, +)
        kpis.append(["label": strings["rowProblems"], "small": problemRows > 0, "value": problemRows == 0 ? "0" : summary.problems.sorted { $0.value > $1.value }.map { "\(text($0.key)) \(number($0.value))" }.joined(separator: " · ")])
        if summary.rows > summary.classified {
            kpis.append(["label": strings["unreadable"], "value": number(summary.rows - summary.classified)])
        }
        context["kpis"] = kpis

        // Heat map: touch points × top-level themes.
        let touchpoints = insights.touchpoints
        let themes = Array(insights.topLevelThemes.prefix(12))
        let cell = 62, labelWidth = 150, header = 130
        var columns: [[String: Any]] = []
        for (index, theme) in themes.enumerated() {
            columns.append(["x": labelWidth + index * cell + cell / 2, "y": header - 8, "label": label(theme)])
        }
        let maximum = touchpoints.flatMap { touchpoint in themes.map { summary.touchpoints[touchpoint]?.themes[$0]?.mentions ?? 0 } }.max() ?? 1
        var heatRows: [[String: Any]] = []
        var heatTable: [[String: Any]] = []
        for (row, touchpoint) in touchpoints.enumerated() {
            var cells: [[String: Any]] = []
            var tableCells: [String] = []
            for (column, theme) in themes.enumerated() {
                let data = summary.touchpoints[touchpoint]?.themes[theme] ?? ThemeCell()
                let net = data.mentions == 0 ? 0 : Double(data.positive - data.negative) / Double(data.mentions)
                cells.append([
                    "x": labelWidth + column * cell + 1, "y": header + row * 34 + 1, "cx": labelWidth + column * cell + cell / 2, "cy": header + row * 34 + 21,
                    "fill": data.mentions == 0 ? "#f4f4f4" : Self.color(net), "opacity": data.mentions == 0 ? "1" : String(format: "%.2f", 0.35 + 0.65 * sqrt(Double(data.mentions) / Double(max(1, maximum)))),
                    "value": data.mentions == 0 ? "" : number(data.mentions),
                    "title": "\(label(touchpoint)) · \(label(theme)): \(number(data.mentions)), \(strings["positive"]) \(data.positive), \(strings["negative"]) \(data.negative)",
                ])
                tableCells.append(data.mentions == 0 ? "·" : "\(number(data.mentions)) (\(signed(net * 100)))")
            }
            heatRows.append(["label": label(touchpoint), "y": header + row * 34 + 22, "cells": cells])
            heatTable.append(["touchpoint": label(touchpoint), "cells": tableCells.map { ["value": $0] }])
        }
        context["heatmap"] = [
            "width": labelWidth + themes.count * cell + 130, "height": header + touchpoints.count * 34 + 10,
            "columns": columns, "rows": heatRows,
        ]
        context["heatmapHeader"] = themes.map { ["label": label($0)] }
        context["heatmapTable"] = heatTable

        let drivers = insights.drivers.prefix(30)
        context["hasDrivers"] = !drivers.isEmpty
        context["driversNote"] = format(strings["driversNote"], scoreType?.figureName ?? "score", String(insights.minimumMentions))
        context["drivers"] = drivers.map { driver -> [String: Any] in
            [
                "theme": label(driver.theme), "touchpoint": driver.touchpoint.map(label) ?? strings["allTouchpoints"],
                "mentions": number(driver.mentions), "mentionsValue": driver.mentions,
                "negative": percent(driver.negativeShare), "negativeValue": String(format: "%.4f", driver.negativeShare),
                "score": scoreType == .nps ? signed(driver.scoreOfMentioners) : decimal(driver.scoreOfMentioners),
                "scoreValue": String(format: "%.3f", driver.scoreOfMentioners),
                "impact": signed(driver.impact), "impactValue": String(format: "%.3f", driver.impact), "down": driver.impact < 0,
            ]
        }

        context["clusters"] = insights.clusters().map { cluster -> [String: Any] in
            ["touchpoint": label(cluster.touchpoint), "themes": cluster.themes.map(label).joined(separator: " + "),
             "terms": cluster.terms.map(text).joined(separator: ", "), "mentions": number(cluster.mentions)]
        }
        context["emerging"] = insights.emergingTerms().map { term -> [String: Any] in
            ["touchpoint": label(term.touchpoint), "term": text(term.term), "count": number(term.count), "countValue": term.count,
             "example": text(Self.shortened(term.example?.text ?? "", to: 160))]
        }

        let queue = insights.queue
        let shown = queue.prefix(queueLimit)
        let flaggedTotal = summary.flags.values.reduce(0) { $0 + $1.count }
        context["flaggedNote"] = format(strings["flaggedNote"], number(shown.count), number(flaggedTotal))
        context["hasFlagged"] = !shown.isEmpty
        context["routes"] = Dictionary(grouping: summary.flags.values, by: \.route).map { route, flags in (route, flags.reduce(0) { $0 + $1.count }) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map { ["route": route($0.0), "count": number($0.1)] }
        context["queue"] = shown.map { item -> [String: Any] in
            [
                "severity": text(item.severity), "severityRank": FlagSeverityOrder.rank(item.severity), "flag": label(item.flag), "route": route(item.route),
                "touchpoint": label(item.touchpoint), "themes": topLevelLabels(item.themes), "score": item.score ?? "",
                "scoreValue": item.score ?? "-1", "evidence": item.evidence.map(text).joined(separator: " · "), "id": text(item.id),
                "text": text(markdown ? Self.shortened(item.text, to: 200) : item.text),
            ]
        }
        context["queueMarkdown"] = Array(context["queue"] as! [[String: Any]]).prefix(20).map { $0 }

        // Exemplars of the biggest themes at their biggest touch points.
        var exemplars: [[String: Any]] = []
        for theme in themes.prefix(6) {
            guard let touchpoint = touchpoints.max(by: { (summary.touchpoints[$0]?.themes[theme]?.mentions ?? 0, $1) < (summary.touchpoints[$1]?.themes[theme]?.mentions ?? 0, $0) }),
                let cellData = summary.touchpoints[touchpoint]?.themes[theme], !cellData.exemplars.items.isEmpty
            else { continue }
            exemplars.append([
                "theme": label(theme), "touchpoint": label(touchpoint),
                "items": cellData.exemplars.items.map { exemplar -> [String: Any] in
                    ["segments": Self.segments(exemplar.text, marks: exemplar.evidence).map { ["text": text($0.text), "mark": $0.mark] },
                     "plain": text(Self.shortened(exemplar.text, to: 200)), "score": exemplar.score ?? "", "id": text(exemplar.id)]
                },
            ])
        }
        context["exemplars"] = exemplars
        context["maskNote"] = summary.masked ? strings["masked"] : strings["notMasked"]

        // What changed: the latest period against the trailing ones, and a small chart per leading theme.
        context["hasDates"] = !summary.days.isEmpty
        context["changesNote"] = format(strings["changesNote"], period.rawValue)
        let changes = insights.changes(period: period).prefix(15)
        context["hasChanges"] = !changes.isEmpty
        context["changes"] = changes.map { change -> [String: Any] in
            let verb = change.kind == .rising ? strings["rose"] : change.kind == .falling ? strings["fell"] : strings["moreNegative"]
            return [
                "theme": label(change.theme), "segment": change.segment.map(segmentLabel) ?? strings["all"], "kind": text(verb), "period": text(change.period),
                "before": percent(change.baselineShare), "now": percent(change.share), "count": number(change.count),
                "p": String(format: "%.2g", change.adjustedP), "pValue": String(format: "%.3g", change.adjustedP), "rising": change.kind != .falling,
                "example": text(Self.shortened(change.examples.first?.text ?? "", to: 160)),
            ]
        }
        context["charts"] = insights.themeSeries(period: period).map { series -> [String: Any] in
            let maximum = max(0.0001, series.points.map(\.share).max() ?? 0)
            let width = 220.0, height = 48.0
            let step = series.points.count > 1 ? width / Double(series.points.count - 1) : width
            let coordinates = series.points.enumerated().map { index, point in
                String(format: "%.1f,%.1f", Double(index) * step, height - point.share / maximum * (height - 6) - 3)
            }
            return [
                "theme": label(series.theme), "points": coordinates.joined(separator: " "),
                "first": text(series.points.first?.period ?? ""), "last": text(series.points.last?.period ?? ""),
                "latest": percent(series.points.last?.share ?? 0),
            ]
        }

        // Segments: findings, and each column's largest values side by side.
        context["hasSegments"] = !summary.segments.isEmpty
        context["segmentsNote"] = format(strings["segmentsNote"], String(segmentValuesShown))
        let findings = insights.segmentFindings()
        context["hasSegmentFindings"] = !findings.isEmpty
        context["segmentFindings"] = findings.prefix(20).map { finding -> [String: Any] in
            ["segment": text("\(finding.column) \(finding.value)"), "theme": label(finding.theme), "share": percent(finding.share), "rest": percent(finding.restShare),
             "difference": String(format: "%+.0f", (finding.share - finding.restShare) * 100), "differenceValue": String(format: "%.4f", finding.share - finding.restShare),
             "over": finding.share > finding.restShare, "p": String(format: "%.2g", finding.adjustedP)]
        }
        context["segmentColumns"] = summary.segments.keys.sorted().map { column -> [String: Any] in
            let values = insights.segmentValues(column, values: segmentValuesShown)
            let pooled = (summary.segments[column]?.count ?? 0) - values.count
            return [
                "column": text(column), "pooled": pooled > 0 ? "+\(pooled)" : "",
                "rows": values.map { value, cell -> [String: Any] in
                    [
                        "value": text(value), "comments": number(cell.comments), "commentsValue": cell.comments,
                        "score": scoreType?.figure(cell.scores).map { scoreType == .nps ? signed($0) : decimal($0) } ?? "",
                        "scoreValue": String(format: "%.3f", scoreType?.figure(cell.scores) ?? 0),
                        "themes": cell.themes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
                            .map { "\(label($0.key)) \(percent(Double($0.value) / Double(max(1, cell.comments))))" }.joined(separator: ", "),
                    ]
                },
            ]
        }

        let quadrants = insights.quadrants
        context["hasQuadrants"] = !quadrants.isEmpty
        context["quadrants"] = quadrants.map { quadrant -> [String: Any] in
            ["name": text(quadrant.name), "respondents": number(quadrant.respondents), "respondentsValue": quadrant.respondents, "atRisk": quadrant.name == "low score / high value",
             "themes": quadrant.themes.map { "\(label($0.theme)) \($0.count)" }.joined(separator: ", ")]
        }

        if let baseline {
            let comparison = insights.compare(to: baseline)
            context["hasBaseline"] = true
            context["baselineScore"] = [comparison.scoreBefore, comparison.scoreNow].map { $0.map { scoreType == .nps ? signed($0) : decimal($0) } ?? "–" }.joined(separator: " → ")
            context["baselineThemes"] = comparison.themes.prefix(15).map { row -> [String: Any] in
                ["theme": label(row.theme), "before": percent(row.before), "now": percent(row.now), "isNew": row.isNew,
                 "p": String(format: "%.2g", row.p), "rising": row.now > row.before]
            }
        }
        return context
    }

    // MARK: Formatting

    private func number(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(language == .da ? "." : ",") }
            grouped.append(character)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    private func decimal(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return language == .da ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    private func signed(_ value: Double) -> String {
        (value > 0.05 ? "+" : value < -0.05 ? "−" : "") + decimal(abs(value))
    }

    private func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }

    /// Red (−1) through grey (0) to green (+1).
    static func color(_ net: Double) -> String {
        let t = max(-1, min(1, net))
        let (r, g, b): (Double, Double, Double) = t < 0
            ? (200 + 20 * -t, 200 - 130 * -t, 200 - 130 * -t)
            : (200 - 140 * t, 200 - 20 * t, 200 - 110 * t)
        return String(format: "#%02x%02x%02x", Int(r), Int(g), Int(b))
    }

    /// The text cut into plain and evidence (marked) pieces, by code-point ranges.
    static func segments(_ text: String, marks: [[Int]]) -> [(text: String, mark: Bool)] {
        let scalars = Array(text.unicodeScalars)
        let ranges = marks.compactMap { $0.count == 2 && $0[0] < $0[1] && $0[1] <= scalars.count ? $0[0]..<$0[1] : nil }.sorted { $0.lowerBound < $1.lowerBound }
        var pieces: [(String, Bool)] = []
        var position = 0
        for range in ranges where range.lowerBound >= position {
            if range.lowerBound > position { pieces.append((String(String.UnicodeScalarView(scalars[position..<range.lowerBound])), false)) }
            pieces.append((String(String.UnicodeScalarView(scalars[range])), true))
            position = range.upperBound
        }
        if position < scalars.count { pieces.append((String(String.UnicodeScalarView(scalars[position...])), false)) }
        return pieces
    }

    static func shortened(_ text: String, to length: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }

    /// Markdown-safe text: HTML-significant characters as entities, Markdown syntax escaped.
    static func markdownEscaped(_ text: String) -> String {
        var result = ""
        for character in text.replacingOccurrences(of: "\n", with: " ") {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}
