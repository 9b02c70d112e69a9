kör Tests/EndToEndTests/Golden/period-fel.ramverk
