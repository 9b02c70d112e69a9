kör Tests/EndToEndTests/Golden/berakningsfel.ramverk
