kontrollera Tests/EndToEndTests/Golden/kontrollera/bra.ramverk finns/inte.ramverk Tests/EndToEndTests/Golden/kontrollera/under/fel.ramverk
