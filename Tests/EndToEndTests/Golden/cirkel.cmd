kör Tests/EndToEndTests/Golden/cirkel.ramverk
