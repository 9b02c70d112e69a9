kör Tests/EndToEndTests/Golden/varningar.ramverk
