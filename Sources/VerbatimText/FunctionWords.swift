/// English and Danish function words and survey filler ("very", "meget"), numbers, months and
/// weekdays: the words most frequent in comments whatever they are about. Word extraction skips
/// them, and term matching does not look terms up by them.
public enum FunctionWords {
    /// Whether `word` (a normal form) is one of them.
    public static func contains(_ word: String) -> Bool { words.contains(word) }

    static let words: Set<String> = [
        "the", "and", "but", "for", "not", "you", "your", "was", "were", "are", "has", "have", "had", "with", "this", "that",
        "they", "them", "their", "there", "then", "than", "from", "into", "out", "all", "any", "can", "could", "would", "should",
        "will", "just", "very", "really", "also", "too", "get", "got", "its", "it's", "i'm", "i've", "don't", "didn't", "did",
        "does", "been", "being", "about", "after", "before", "again", "what", "when", "where", "which", "who", "why", "how",
        "our", "ours", "she", "him", "her", "his", "one", "two", "some", "more", "most", "much", "many", "only", "even", "still",
        "because", "over", "under", "here", "well", "now", "yes", "off", "own", "same", "such", "each", "other", "these", "those",
        "og", "men", "ikke", "det", "den", "der", "jeg", "mig", "min", "mit", "mine", "har", "havde", "var", "være", "blev",
        "til", "fra", "med", "for", "som", "hvor", "hvad", "hvis", "når", "kan", "kunne", "skal", "skulle", "vil", "ville",
        "meget", "lidt", "også", "bare", "helt", "rigtig", "rigtigt", "jeres", "jer", "vores", "vi", "de", "dem", "deres",
        "han", "hun", "hans", "hendes", "sig", "sin", "sit", "sine", "efter", "før", "igen", "over", "under", "ind", "op",
        "ned", "alle", "alt", "nogle", "noget", "nogen", "andre", "andet", "eller", "end", "men", "så", "nu", "her", "der",
        "dette", "disse", "denne", "hos", "mod", "uden", "om", "ved", "af", "på", "en", "et", "er", "at", "du", "dig", "din",
        // Numbers, months and weekdays: frequent in comments, never a theme or a feeling of their own.
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twice", "first", "second", "third",
        "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "første", "anden", "tredje",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "januar", "februar", "marts", "juni", "juli", "oktober", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        "year", "years", "month", "months", "week", "weeks", "day", "days", "år", "måned", "måneder", "uge", "uger", "dag", "dage",
    ]
}
