kör Tests/EndToEndTests/Golden/lexer-parser-fel.ramverk
