kör Tests/EndToEndTests/Golden/inkludera-utanfor.ramverk
