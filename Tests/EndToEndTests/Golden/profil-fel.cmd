kör Tests/EndToEndTests/Golden/profil-fel.ramverk
