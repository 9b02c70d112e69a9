kör Tests/EndToEndTests/Golden/overforing.ramverk --format json
