kör Tests/EndToEndTests/Golden/kontrollfel.ramverk
