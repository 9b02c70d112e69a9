kör Tests/EndToEndTests/Golden/reserv.ramverk
