import ArgumentParser

@main
struct Verbatim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verbatim",
        abstract: "Themes, sentiment and follow-up flags from customer-survey comments in English and Danish.",
        discussion: """
            Exit codes: 0 ok, 1 bad input or lexicon (the message names file:line), 2 usage.
            """,
        subcommands: [ExplainCommand.self, EvalCommand.self]
    )
}
