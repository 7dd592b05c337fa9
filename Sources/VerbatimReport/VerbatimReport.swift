// VerbatimReport — HTML, Markdown and JSON renderers of a summary.
// Empty until the report work lands (see design.md); nothing here pretends to render yet.
