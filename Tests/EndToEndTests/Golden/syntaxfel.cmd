kör Tests/EndToEndTests/Golden/syntaxfel.ramverk
