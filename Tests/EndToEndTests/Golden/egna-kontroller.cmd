kör Tests/EndToEndTests/Golden/egna-kontroller.ramverk
