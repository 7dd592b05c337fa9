import Foundation
import Testing
import VerbatimLexicon
import VerbatimText
@testable import VerbatimAnalysis

/// Themes, touch points and flags from small layers written here, over the bundled sentiment lexicons.
@Suite struct ThemeTaggingTests {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons").standardizedFileURL

    static let themes = """
        themes:
          - id: delivery
            label: {en: Delivery, da: Levering}
            terms: {en: [delivery, deliver*, arrived, "arrived late"], da: [levering]}
            children:
              - id: delivery.cost
                label: {en: Delivery cost, da: Fragtpris}
                terms: {en: ["delivery charge", "shipping NEAR/3 expensive", '-"free delivery charge"', '-"charge NEAR/2 refunded"']}
          - id: service
            label: {en: Service, da: Service}
            terms: {en: [driver, staff, rude, helpful, '-"staff NEAR/2 shortage"'], da: [chauffør, personale]}
          - id: waiting
            label: {en: Waiting, da: Ventetid}
            terms: {en: [wait, "in the phone queue"]}
            patterns:
              - regex: '\\b\\d+\\s*(days|weeks|dage|uger)\\b'
                requires: [days, weeks, dage, uger]
          - id: billing
            label: {en: Billing, da: Regning}
            terms: {en: [refund]}
            patterns:
              - regex: '\\bgebyr\\b'
                requires: [gebyr]
                requires_digit: true
                language: da
        """
    static let touchpoints = """
        touchpoints:
          - id: web
            label: {en: Website, da: Hjemmeside}
            column_values: [web, online, hjemmeside]
            terms: {en: [website], da: [hjemmeside]}
          - id: phone
            label: {en: Phone, da: Telefon}
            column_values: [phone, telefon]
            terms: {en: [called, phone, '-"called me back"'], da: [ringede, telefon]}
        """
    static let flags = """
        flags:
          - id: churn_risk
            severity: high
            route: retention
            when:
              all:
                - terms: {en: ["cancel my subscription", "switching to"], da: [opsige*]}
                - not: {terms: {en: ["not switching"]}}
          - id: very_negative_detractor
            severity: high
            route: cx_team
            when: {all: [{score_group: unhappy}, {sentiment: "<= -0.5"}]}
        """

    /// The lexicon stack of `layers` (each: file name → text), written to temporary folders that
    /// are removed once it is read.
    static func stack(_ layers: [String: String]...) throws -> LexiconStack {
        let folders = layers.map { _ in FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-themes-\(UUID().uuidString)") }
        defer { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
        for (folder, files) in zip(folders, layers) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        }
        return try LexiconStack(layers: folders)
    }

    /// An analyser over the bundled lexicons with `themes` (a themes.yaml) in place of the bundled taxonomy.
    static func analyzer(themes: String) throws -> Analyzer {
        var stack = try LexiconStack(layers: [bundled])
        stack.themes = try Self.stack(["themes.yaml": themes]).themes
        return try Analyzer(try CompiledLexicons(stack))
    }

    static let lexicons: CompiledLexicons = {
        // The bundled layer first (sentiment), then ours, which replaces nothing it names.
        var stack = try! LexiconStack(layers: [bundled])
        let ours = try! Self.stack(["themes.yaml": themes, "touchpoints.yaml": touchpoints, "flags.yaml": flags])
        stack.themes = ours.themes
        stack.touchpoints = ours.touchpoints
        stack.flags = ours.flags
        return try! CompiledLexicons(stack)
    }()

    let analyzer = try! Analyzer(ThemeTaggingTests.lexicons)

    func themes(_ text: String, _ language: Language = .english) -> [String] {
        analyzer.analyze(text, language: .given(language)).themes.map(\.id)
    }

    @Test func matchesWordsStemsPrefixesPhrasesAndCompoundParts() {
        #expect(themes("The delivery was fine") == ["delivery"])
        #expect(themes("It was delivered on Monday") == ["delivery"])  // deliver*
        #expect(themes("They refunded me") == ["billing"])  // stem of "refund"
        #expect(themes("The parcel arrived late") == ["delivery"])
        #expect(themes("Leveringstiden var lang", .danish) == ["delivery"])  // compound part
        #expect(themes("Hjemmeleveringen var fin", .danish) == ["delivery"])
    }

    @Test func nearAndExclusions() {
        #expect(themes("shipping was really expensive").contains("delivery.cost"))
        #expect(themes("shipping was fast and the rest of the order was expensive").contains("delivery.cost") == false)
        #expect(themes("There was a delivery charge").contains("delivery.cost"))
        #expect(themes("There was no free delivery charge").contains("delivery.cost") == false)
        #expect(themes("expensive shipping, again").contains("delivery.cost"))  // either order
        // A NEAR exclusion covers every occurrence of either side within the distance.
        #expect(themes("Staff shortage hurts staff") == [])
        #expect(themes("Staff shortage, but the staff stayed calm") == ["service"])
        // An exclusion drops a hit it overlaps, not only one inside it: "delivery charge" by "charge NEAR/2 refunded".
        #expect(themes("The delivery charge was refunded").contains("delivery.cost") == false)
        #expect(themes("The delivery charge was steep").contains("delivery.cost"))
    }

    @Test func patternsRunWhereTheirWordsOccur() {
        let result = analyzer.analyze("I waited 3 weeks", language: .given(.english))
        #expect(result.themes.map(\.id) == ["waiting"])
        #expect(result.themes[0].evidence.map(\.range) == [2..<8, 9..<16])  // "waited" (stem of wait) and the pattern
        let nested = analyzer.analyze("The parcel arrived late", language: .given(.english)).themes.first
        #expect(nested?.evidence.map(\.rule) == ["arrived late"])  // not also "arrived" inside it
        #expect(result.themes[0].evidence.map(\.rule).last == "\\b\\d+\\s*(days|weeks|dage|uger)\\b")
    }

    @Test func aPhraseIsFoundWhereverItsRarestWordIs() {
        #expect(themes("I sat in the phone queue for ages") == ["waiting"])
        #expect(themes("I was in the queue") == [])  // a part of the phrase is not the phrase
    }

    @Test func aPhraseMatchesWhenItsOtherWordIsInflected() {
        // A phrase is verified only where the comment holds its other word, by word or by stem.
        let hit = analyzer.analyze("The parcels arrive late every time", language: .given(.english)).themes.first
        #expect(hit?.id == "delivery")
        #expect(hit?.evidence.map(\.rule) == ["arrived late"])
    }

    @Test func aTermMatchesInflectionsButNotTheBareStemOfADerivedWord() {
        #expect(themes("They were so helpful") == ["service"])
        #expect(themes("I need help with my account") == [])  // "helpful" stems to "help"; "help" is another word
    }

    @Test func patternPrefiltersOnLanguageAndDigits() {
        // The pattern needs no digit to match, but says it runs only on Danish comments with one.
        #expect(themes("Der kom et gebyr på 49 kroner", .danish) == ["billing"])
        #expect(themes("Der kom et gebyr igen", .danish) == [])
        #expect(themes("The gebyr was 49 kroner", .english) == [])
    }

    @Test func themeSentimentComesFromItsClause() {
        let result = analyzer.analyze("The delivery was great but the driver was rude", language: .given(.english))
        let delivery = result.themes.first { $0.id == "delivery" }
        let service = result.themes.first { $0.id == "service" }
        #expect((delivery?.sentiment ?? 0) > 0)
        #expect((service?.sentiment ?? 0) < 0)
        #expect(delivery?.evidence.first?.origin.file.hasSuffix("themes.yaml") == true)
    }

    @Test func touchPointsFromTheColumnOrTheText() {
        #expect(analyzer.analyze("ok", touchpoint: " Online ").touchpoint == TouchpointResult(id: "web", source: .column, evidence: []))
        #expect(analyzer.analyze("ok", touchpoint: "Hjemmeside").touchpoint.id == "web")
        #expect(analyzer.analyze("ok", touchpoint: "\tONLINE").touchpoint.id == "web")
        #expect(TouchpointCatalog.key(" Web \t Shop\n") == "web shop")
        #expect(TouchpointCatalog.key("App'EN  Ærø") == "app'en ærø")
        let detected = analyzer.analyze("I called three times", language: .given(.english)).touchpoint
        #expect(detected.id == "phone")
        #expect(detected.source == .detected)
        #expect(analyzer.analyze("Fine", language: .given(.english)).touchpoint.source == TouchpointResult.Source.none)
        // Exclusions work for touch points too: "called me back" is not the customer phoning.
        #expect(analyzer.analyze("They called me back", language: .given(.english)).touchpoint.id == nil)
    }

    @Test func flagsFollowTheirConditions() {
        #expect(analyzer.analyze("I will cancel my subscription", language: .given(.english)).flags.map(\.id) == ["churn_risk"])
        #expect(analyzer.analyze("Jeg vil opsige mit abonnement", language: .given(.danish)).flags.map(\.id) == ["churn_risk"])
        #expect(analyzer.analyze("Terrible, awful service", language: .given(.english), score: 2).flags.map(\.id) == ["very_negative_detractor"])
        #expect(analyzer.analyze("Terrible, awful service", language: .given(.english), score: 9).flags.isEmpty)
        // The unhappy group follows the score type: CSAT 4 is satisfied, CSAT 2 and CES 3 are not.
        #expect(analyzer.analyze("Terrible, awful service", language: .given(.english), score: 4, scoreType: .csat).flags.isEmpty)
        #expect(analyzer.analyze("Terrible, awful service", language: .given(.english), score: 2, scoreType: .csat).flags.map(\.id) == ["very_negative_detractor"])
        #expect(analyzer.analyze("Terrible, awful service", language: .given(.english), score: 3, scoreType: .ces).flags.map(\.id) == ["very_negative_detractor"])
        #expect(analyzer.analyze("Terrible, awful service", language: .given(.english), score: 6, scoreType: .nps).flags.map(\.id) == ["very_negative_detractor"])
    }

    @Test func aSentenceScopedPatternMatchesOnlyInsideTheSentencesHoldingItsWords() throws {
        func waitingEvidence(scope: String, in comment: String) throws -> [String] {
            let result = try Self.analyzer(themes: """
                themes:
                  - id: waiting
                    patterns:
                      - regex: '\\bwaited\\b[^0-9]{0,30}?[0-9]+\\s*minutes|\\bwaited\\s*[.!]*\\s*$'
                        requires: [waited]
                        requires_digit: true
                        scope: \(scope)
                """).analyze(comment, language: .given(.english))
            let scalars = Array(comment.unicodeScalars)
            return result.themes.flatMap { $0.evidence.map { String(String.UnicodeScalarView(scalars[$0.range])) } }
        }
        // Within one sentence both scopes find the wait.
        #expect(try waitingEvidence(scope: "sentence", in: "Fine app. We waited 40 minutes for the driver.") == ["waited 40 minutes"])
        #expect(try waitingEvidence(scope: "comment", in: "Fine app. We waited 40 minutes for the driver.") == ["waited 40 minutes"])
        // Across a sentence end only the comment scope reaches the number.
        let across = "We waited. Then 40 minutes later the parcel was at a neighbour."
        #expect(try waitingEvidence(scope: "comment", in: across) == ["waited. Then 40 minutes"])
        #expect(try waitingEvidence(scope: "sentence", in: across).isEmpty)
        // `$` still means the end of the comment, not of the sentence.
        #expect(try waitingEvidence(scope: "sentence", in: "Order 5 never came, so we waited.") == ["waited."])
        #expect(try waitingEvidence(scope: "sentence", in: "Order 5 never came, so we waited. Then it came.").isEmpty)
    }

    @Test func aHashInATermMatchesAnyNumber() throws {
        let analyzer = try Self.analyzer(themes: """
            themes:
              - id: ordering
                terms: {en: [order, '-"order #"', "# attempts"], da: [ordre, '-"ordre #"']}
            """)
        func themes(_ text: String, _ language: Language = .english) -> [String] {
            analyzer.analyze(text, language: .given(language)).themes.map(\.id)
        }
        #expect(themes("I placed an order yesterday") == ["ordering"])
        // An order named by its number is a reference, not ordering.
        #expect(themes("Order #88231 never arrived") == [])
        #expect(themes("Ordre 45821: intet er kommet", .danish) == [])
        #expect(themes("An order for 3 chairs") == ["ordering"])  // a word between: not the order's number
        #expect(themes("It took 6 attempts to log in") == ["ordering"])
        #expect(themes("It took six attempts to log in") == [])  // a number written out is a word
    }

    @Test func aPrefixMatchesOnlyTheWordsThatStartWithAllOfIt() throws {
        // Prefixes of three letters, of four to six (settled without reading the word), of more
        // than six, with Danish letters, as a term's only word and as a side of a NEAR term.
        let analyzer = try Self.analyzer(themes: """
            themes:
              - id: contract
                terms: {da: [tilføje* NEAR/5 abonnement*, "opsigelses*", bøg*], en: [canc*, "subscri* NEAR/3 fee"]}
            """)
        func themes(_ text: String, _ language: Language = .danish) -> [String] {
            analyzer.analyze(text, language: .given(language)).themes.map(\.id)
        }
        #expect(themes("Jeg ville tilføje et ekstra abonnement") == ["contract"])
        #expect(themes("Jeg gik til butikken for mit abonnement") == [])  // "til" is not "tilføje*"
        #expect(themes("Opsigelsesvarslet er for langt") == ["contract"])
        #expect(themes("Opsigelsen gik fint") == [])  // shares nine letters, not all eleven
        #expect(themes("Bøgerne kom hurtigt") == ["contract"])  // three letters, one of them ø
        #expect(themes("Bog og blyant") == [])
        #expect(themes("They cancelled it", .english) == ["contract"])
        #expect(themes("The subscription fee went up", .english) == ["contract"])
        #expect(themes("The subway fee went up", .english) == [])  // "sub" alone is not "subscri*"
    }

    @Test func aPatternThatYieldsToAThemeCountsOnlyWithoutIt() throws {
        let analyzer = try Self.analyzer(themes: """
            themes:
              - id: price
                terms: {en: [fee]}
                patterns:
                  - regex: '[0-9]+ kr'
                    requires: [kr]
                    yields_to: [billing]
              - id: billing
                terms: {en: [bill]}
                children:
                  - id: billing.refund
                    terms: {en: [refund]}
            """)
        func themes(_ text: String) -> [String] {
            analyzer.analyze(text, language: .given(.english)).themes.map(\.id)
        }
        #expect(themes("The lamp was 499 kr and broke in a week") == ["price"])
        // In a comment about a bill (or a subtheme of billing) the amount is the bill's.
        #expect(themes("The bill said 499 kr") == ["billing"])
        #expect(themes("Still no refund of my 499 kr") == ["billing.refund"])
        // The theme's other rules still count.
        #expect(themes("A 49 kr fee on the bill") == ["price", "billing"])
        // `explain` shows what was set aside, and why.
        let explanation = Explanation(analyzer.analyze("The bill said 499 kr", language: .given(.english)))
        #expect(explanation.themesSetAside?.map { "\($0.id) \($0.reason) \($0.evidence.text)" } == ["price yielded 499 kr"])
        #expect(explanation.plainText.contains("set aside: price \"499 kr\""))
    }

    @Test func aBackgroundTermTagsItsThemeOnlyWhenTheCommentIsAboutNothingElse() throws {
        let analyzer = try Self.analyzer(themes: """
            themes:
              - id: ordering
                terms: {en: [order, checkout]}
                background: {en: [ordered]}
                children:
                  - id: ordering.returns
                    terms: {en: [return]}
              - id: delivery
                terms: {en: [parcel, arrived]}
            """)
        func themes(_ text: String) -> [String] {
            analyzer.analyze(text, language: .given(.english)).themes.map(\.id)
        }
        #expect(themes("I ordered a sofa in March.") == ["ordering"])
        // The order is where a story about the parcel starts: "ordered" (and "order", which
        // matches it by stem) add nothing there.
        #expect(themes("Ordered on the 2nd and the parcel still hasn't arrived") == ["delivery"])
        // Another mention of the theme itself keeps it, with the background word as evidence.
        #expect(themes("Ordered at 10, checkout was smooth, parcel arrived next day") == ["ordering", "delivery"])
        #expect(themes("I ordered the wrong size and want to return it, the parcel is here") == ["ordering", "ordering.returns", "delivery"])
        // Other forms of a term are not background: "my order" is still ordering.
        #expect(themes("My order was wrong and the parcel arrived late") == ["ordering", "delivery"])
        // Set aside once, by the background term (not also by "order", which matches it by stem).
        let setAside = analyzer.analyze("Ordered on the 2nd and the parcel still hasn't arrived", language: .given(.english)).themesSetAside
        #expect(setAside.map { "\($0.theme) \($0.reason) \($0.evidence.rule)" } == ["ordering background ordered"])
    }

    @Test func aPatternWithRequiresAlsoRunsOnlyWhereAWordOfEachSetOccurs() throws {
        // The regex alone would match every comment here; `requires_also` keeps it to sentences
        // holding "took" (or an inflection whose stem is listed: "month's") as well as a unit.
        let analyzer = try Self.analyzer(themes: """
            themes:
              - id: waiting
                patterns:
                  - regex: '[0-9]+ (?:days|month)'
                    requires: [days, month]
                    requires_also: [took, month]
                    scope: sentence
            """)
        func tagged(_ comment: String) -> Bool { !analyzer.analyze(comment, language: .given(.english)).themes.isEmpty }
        #expect(tagged("It took 3 days."))
        #expect(!tagged("Open 3 days a week."))
        #expect(!tagged("It took ages. Open 3 days a week."))  // the two words in different sentences
        #expect(tagged("A 1 month's wait."))  // "month's" counts for both lists by its stem
        #expect(tagged("Took 2 months!"))  // "months" is a `requires` word by its stem
    }

    /// `requires_also` only saves work: the bundled patterns tag time spans, windows and refunds
    /// exactly as they do without it (comments of ours in `Tests/Fixtures/time-span-comments.txt`,
    /// alone and two to a comment, including inflections and glued forms such as "2days").
    @Test func theBundledRequiresAlsoListsChangeNoTag() throws {
        let shipped = try String(contentsOf: Self.bundled.appendingPathComponent("themes.yaml"), encoding: .utf8)
        var lines: [Substring] = []
        var inAlso = false
        for line in shipped.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("requires_also:") { inAlso = true; continue }
            if inAlso && trimmed.first.map({ $0.isLetter || $0 == "'" || $0 == "\"" }) == true && !trimmed.contains(":") { continue }
            inAlso = false
            lines.append(line)
        }
        let stripped = lines.joined(separator: "\n")
        #expect(stripped.count < shipped.count)
        #expect(!stripped.contains("requires_also"))
        let withAlso = try Self.analyzer(themes: shipped)
        let withoutAlso = try Self.analyzer(themes: stripped)
        let fixture = Self.bundled.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/time-span-comments.txt")
        let single = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").map(String.init)
        let comments = single + single.indices.map { single[$0] + " " + single[($0 + 5) % single.count] }
        // The same themes, evidence and rules (the rules' file:line differ: one file lacks the lists).
        func tags(_ analyzer: Analyzer, _ comment: String) -> [String] {
            analyzer.analyze(comment).themes.map { "\($0.id) \($0.sentiment) " + $0.evidence.map { "\($0.range) \($0.rule)" }.joined(separator: "; ") }
        }
        for comment in comments {
            #expect(tags(withAlso, comment) == tags(withoutAlso, comment), "\(comment)")
        }
    }

    @Test func aCatastrophicPatternOnAOneMegabyteCommentIsAReportedProblem() throws {
        // `lexicon check` rejects patterns that explode on its probes ('(a+)+$'); this one passes them
        // (it needs x's) and explodes on a comment of x's: the match limit stops it at run time.
        let analyzer = try Self.analyzer(themes: """
            themes:
              - id: waiting
                patterns:
                  - regex: '(x+x+)+y'
                    requires: [x]
            """)
        let comment = "x " + String(repeating: "x", count: 1_000_000) + "!"
        let start = Date()
        let result = analyzer.analyze(comment, language: .given(.english))
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.contains("stopped") == true)
        #expect(Date().timeIntervalSince(start) < 60)  // a sanity bound, not a timing target
    }
}

@Suite struct ThemeLexiconDiagnosticsTests {
    func diagnostics(_ files: [String: String]) throws -> [String] {
        try ThemeTaggingTests.stack(files).diagnostics.map { $0.description.replacingOccurrences(of: #"^.*/"#, with: "", options: .regularExpression) }
    }

    @Test func aTermOfNumbersAloneIsAnErrorAtItsPlace() throws {
        // It could match every number in every comment.
        let found = try diagnostics(["themes.yaml": "themes:\n  - id: waiting\n    terms: {en: ['#', '# days']}\n"])
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("themes.yaml:3:") == true && found.first?.contains("needs a word beside it") == true)
    }

    @Test func badRegexNamesItsPosition() throws {
        let found = try diagnostics(["themes.yaml": "themes:\n  - id: waiting\n    patterns:\n      - regex: 'a(b'\n        requires: [a]\n"])
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("themes.yaml:4:"))
        #expect(found[0].contains("regex does not compile"))
    }

    @Test func duplicateIdsBadChildIdsUnknownKeysAndBadTerms() throws {
        let yaml = """
            themes:
              - id: delivery
                children:
                  - id: shipping.cost
                    terms: {en: ["de*livery"]}
              - id: delivery
              - id: price
                term: {en: [price]}
            """
        let codes = try ThemeTaggingTests.stack(["themes.yaml": yaml]).diagnostics.map(\.code)
        #expect(codes.sorted() == ["bad-child-id", "bad-term", "duplicate-id", "unknown-key"])
    }

    @Test func badPatternPrefiltersAreReportedAtTheirPlace() throws {
        let yaml = """
            themes:
              - id: waiting
                patterns:
                  - regex: 'a'
                    requires: [a]
                    language: fr
                  - regex: 'b'
                    requires: [b]
                    requires_digit: maybe
                  - regex: 'c'
                    requires: [c]
                    requires_digits: true
                  - regex: 'd'
                    requires: [d]
                    scope: paragraph
                  - regex: 'e'
                    requires_also: [e]
            """
        let found = try diagnostics(["themes.yaml": yaml])
        #expect(found.count == 5)
        #expect(found.contains { $0.hasPrefix("themes.yaml:6:") && $0.contains("unknown language 'fr'") })
        #expect(found.contains { $0.hasPrefix("themes.yaml:9:") && $0.contains("requires_digit should be true or false") })
        #expect(found.contains { $0.hasPrefix("themes.yaml:12:") && $0.contains("unknown key 'requires_digits'") })
        #expect(found.contains { $0.hasPrefix("themes.yaml:15:") && $0.contains("scope should be comment or sentence, not 'paragraph'") })
        #expect(found.contains { $0.hasPrefix("themes.yaml:17:") && $0.contains("requires_also narrows 'requires'") })
    }

    @Test func aPatternYieldingToAnUnknownThemeIsReportedAtItsPlace() throws {
        let themes = try diagnostics(["themes.yaml": """
            themes:
              - id: price
                patterns:
                  - regex: '[0-9]+ kr'
                    requires: [kr]
                    yields_to: [biling]
            """])
        #expect(themes.count == 1)
        #expect(themes.first?.hasPrefix("themes.yaml:4:") == true && themes.first?.contains("yields to theme 'biling'") == true)
        // A flag has no themes to give way to.
        let flags = try diagnostics(["flags.yaml": "flags:\n  - id: a\n    when: {patterns: [{regex: 'x', requires: [x], yields_to: [price]}]}\n"])
        #expect(flags.count == 1 && flags.first?.contains("unknown key 'yields_to'") == true)
    }

    @Test func yamlSyntaxErrorsHaveLineAndColumn() throws {
        let found = try diagnostics(["flags.yaml": "flags:\n  - id: x\n    when: {terms: [unclosed\n"])
        #expect(found.first?.contains("error: YAML") == true)
        #expect(found.first?.hasPrefix("flags.yaml:") == true)
    }

    @Test func flagConditionsAreChecked() throws {
        let yaml = """
            flags:
              - id: a
                severity: urgent
                when: {label: negative}
              - id: b
                when: {score: "about 6"}
              - id: c
                when: {mood: angry}
            """
        let codes = try ThemeTaggingTests.stack(["flags.yaml": yaml]).diagnostics.map(\.code)
        #expect(codes == ["bad-severity", "bad-comparison", "unknown-key"])
    }
}

@Suite struct ThemePackTests {
    /// A pack's fallback is given when none of the pack's own themes matched, whatever the
    /// default taxonomy under it found.
    @Test func aPacksFallbackIgnoresThemesOfOtherLayers() throws {
        let base = ["themes.yaml": "themes:\n  - id: waiting\n    terms: {en: [wait]}\n"]
        let pack = ["themes.yaml": """
            fallback: misc
            themes:
              - id: food
                terms: {en: [pizza]}
              - id: misc
            """]
        var stack = try LexiconStack(layers: [ThemeTaggingTests.bundled])
        stack.themes = try ThemeTaggingTests.stack(base, pack).themes
        let analyzer = try Analyzer(try CompiledLexicons(stack))
        #expect(analyzer.analyze("We had to wait an hour", language: .given(.english)).themes.map(\.id) == ["waiting", "misc"])
        #expect(analyzer.analyze("The pizza was cold", language: .given(.english)).themes.map(\.id) == ["food"])
    }
}
