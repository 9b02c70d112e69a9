kör Tests/EndToEndTests/Golden/teckenkonventioner.ramverk
