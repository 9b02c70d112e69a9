kör Tests/EndToEndTests/Golden/balanskrav.ramverk
