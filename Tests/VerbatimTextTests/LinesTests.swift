import Testing
import VerbatimText

@Suite struct LinesTests {
    @Test func splitsAtEveryKindOfLineEnd() {
        #expect(Lines.split("a\r\nb\nc\rd") == ["a", "b", "c", "d"])
        #expect(Lines.split("a\n\nb\n") == ["a", "", "b"])
        #expect(Lines.split("") == [])
        #expect(Lines.split("æ😀\r\n") == ["æ😀"])
    }
}
