kör Tests/EndToEndTests/Golden/reserv.ramverk --format json
