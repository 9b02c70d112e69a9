kör Tests/EndToEndTests/Golden/dubbletter.ramverk
