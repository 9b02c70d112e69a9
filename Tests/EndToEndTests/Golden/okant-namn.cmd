kör Tests/EndToEndTests/Golden/okant-namn.ramverk
