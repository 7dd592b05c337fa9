import Foundation

/// Tells English from Danish per comment, answering `und` when neither can be told. Combines
/// Verbatim's own word evidence (`LanguageEvidence`) with CLD2, restricted to the two languages:
/// CLD2's Norwegian and Swedish count towards Danish (its short-text confusions are among the
/// Scandinavian languages), any other language it names is ignored.
///
/// Method (measured with `verbatim eval --task language`, see README): the decision score is
/// `own + cld2Weight × (Scandinavian% − English%) / 100`, with `cld2Weight` higher when CLD2 says
/// its answer is reliable. Positive → Danish. Confidence is the logistic of the score. CLD2 is
/// consulted only when the own evidence leaves the answer open (`settlesAlone`).
public struct LanguageIdentifier: Sendable {
    /// Which signals to use; `.combined` is the product's choice, the others are for measurement.
    public enum Method: String, Sendable, CaseIterable {
        case combined, evidence, cld2
    }

    public var method: Method
    private let cld2 = CLD2Detector()

    /// Weight of CLD2's share difference when it calls itself reliable / unreliable.
    static let reliableCLD2Weight = 2.0
    static let unreliableCLD2Weight = 1.0
    /// Minority evidence (points) and share at which a comment counts as mixed.
    static let mixedMinimumPoints = 2.0
    static let mixedMinimumShare = 0.3

    public init(method: Method = .combined) {
        self.method = method
    }

    /// Whether the own evidence decides the language whatever CLD2 would say: CLD2 adds at most
    /// `reliableCLD2Weight` either way, so a larger score keeps its sign. CLD2 is then not asked
    /// (it is most of the cost of identification), and the confidence rests on the words alone.
    static func settlesAlone(_ evidence: LanguageEvidence) -> Bool {
        abs(evidence.score) > reliableCLD2Weight
    }

    /// The language of `text`, whose tokens are `tokens`.
    public func identify(_ text: String, tokens: [Token]) -> LanguageGuess {
        let evidence = LanguageEvidence(tokens: tokens)
        if evidence.latinWords == 0 || evidence.otherScriptWords > evidence.latinWords {
            return LanguageGuess(language: .undetermined, confidence: 0, source: .detected, evidence: evidence)
        }
        var score = 0.0
        var verdict: CLD2Detector.Verdict?
        if method != .cld2 { score += evidence.score }
        if method == .cld2 || method == .combined && !Self.settlesAlone(evidence) {
            let cld2Verdict = cld2.detect(text)
            let scandinavian = cld2Verdict.percent(of: ["da", "no", "nn", "sv"])
            let english = cld2Verdict.percent(of: ["en"])
            let weight = cld2Verdict.isReliable ? Self.reliableCLD2Weight : Self.unreliableCLD2Weight
            score += weight * Double(scandinavian - english) / 100
            verdict = cld2Verdict
        }
        guard score != 0 else {
            return LanguageGuess(language: .undetermined, confidence: 0, source: .detected, evidence: evidence, cld2: verdict)
        }
        let language: Language = score > 0 ? .danish : .english
        let confidence = 1 / (1 + exp(-abs(score)))
        let minority = min(evidence.danishPoints, evidence.englishPoints)
        let total = evidence.danishPoints + evidence.englishPoints
        let mixed = minority >= Self.mixedMinimumPoints && minority / total >= Self.mixedMinimumShare
        return LanguageGuess(
            language: language, confidence: (confidence * 1000).rounded() / 1000,
            secondary: mixed ? (language == .danish ? .english : .danish) : nil,
            source: .detected, evidence: evidence, cld2: verdict)
    }
}
