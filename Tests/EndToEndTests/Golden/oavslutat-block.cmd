kör Tests/EndToEndTests/Golden/oavslutat-block.ramverk
