import VerbatimText
let t = try Tokenizer()
for tok in t.tokenize(CommandLine.arguments[1]) { print(tok.kind, tok.range, tok.text, tok.normalized, tok.caseShape, tok.isElongated) }
