// VerbatimInsights — the mergeable summary of result rows: per touch point × theme counts,
// sentiment, NPS, theme clusters, emerging terms and the flagged-issue queue.
// Empty until the insights work lands (see design.md); nothing here pretends to summarise yet.
