kör Tests/EndToEndTests/Golden/ram-overskriden.ramverk
