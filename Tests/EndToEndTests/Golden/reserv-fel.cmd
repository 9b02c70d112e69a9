kör Tests/EndToEndTests/Golden/reserv-fel.ramverk
