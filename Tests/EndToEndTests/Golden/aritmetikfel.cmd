kör Tests/EndToEndTests/Golden/aritmetikfel.ramverk
