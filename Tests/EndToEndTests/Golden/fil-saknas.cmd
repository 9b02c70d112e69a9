kör Tests/EndToEndTests/Golden/finns-inte.ramverk
