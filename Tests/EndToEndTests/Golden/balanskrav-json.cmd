kör Tests/EndToEndTests/Golden/balanskrav.ramverk --format json
