risk Tests/EndToEndTests/Golden/riskfel.ramverk
