kör Tests/EndToEndTests/Golden/justering.ramverk --format json
