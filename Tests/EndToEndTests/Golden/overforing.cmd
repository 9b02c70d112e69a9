kör Tests/EndToEndTests/Golden/overforing.ramverk
