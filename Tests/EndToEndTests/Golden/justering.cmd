kör Tests/EndToEndTests/Golden/justering.ramverk
