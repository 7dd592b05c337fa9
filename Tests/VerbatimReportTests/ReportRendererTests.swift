import Foundation
import Testing
import VerbatimAnalysis
import VerbatimInsights
import VerbatimIO
import VerbatimLexicon
import VerbatimReport

@Suite struct ReportRendererTests {
    static let lexicons: CompiledLexicons = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons").standardizedFileURL
        return try! CompiledLexicons(try! LexiconStack(layers: [folder]))
    }()

    static let hostile = [
        "<script>alert('x')</script> the delivery was late and I want to cancel my subscription",
        "\"><img src=x onerror=alert(1)> refund never came, I will contact the Consumer Complaints Board",
        "javascript:alert(document.cookie) the app crashes at login",
        "=HYPERLINK(\"http://evil.example\",\"click\") terrible customer service, please call me",
        "Leveringen var <b>forsinket</b> & chaufføren var sur 😡",
    ]

    func insights(_ texts: [String]) -> Insights {
        let classifier = RowClassifier(try! Analyzer(Self.lexicons), language: .auto)
        var builder = SummaryBuilder(.init())
        for (index, text) in texts.enumerated() {
            builder.add(classifier.classify(InputRow(line: index + 2, id: "h\(index)", text: text, touchpoint: "web", score: "2", problems: [])))
        }
        return Insights(builder.summary)
    }

    @Test func everyCommentTextIsEscapedInTheHTML() throws {
        let html = try ReportRenderer().html(insights(Self.hostile + Self.hostile))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b>forsinket"))
        #expect(html.contains("&lt;script&gt;alert"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // javascript: appears only as text, never in an attribute that a browser would follow.
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("src=\"javascript:"))
        // The page loads nothing from outside: no external scripts, styles, images or fonts.
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        #expect(html.contains("Content-Security-Policy"))
        // The only scripts are the report's own.
        #expect(html.components(separatedBy: "<script").count == 2)
    }

    @Test func markdownShowsTheSameFindingsWithTextEscaped() throws {
        let markdown = try ReportRenderer().markdown(insights(Self.hostile + Self.hostile))
        #expect(markdown.hasPrefix("# Customer comments"))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("## Comments to follow up"))
    }

    @Test func theReportIsInDanishWhenAskedAndTheSameInputGivesTheSameBytes() throws {
        let first = try ReportRenderer(language: .da).html(insights(Self.hostile))
        let second = try ReportRenderer(language: .da).html(insights(Self.hostile))
        #expect(first == second)
        #expect(first.contains("<html lang=\"da\">"))
        #expect(first.contains("Kommentarer, der skal følges op"))
    }
}
