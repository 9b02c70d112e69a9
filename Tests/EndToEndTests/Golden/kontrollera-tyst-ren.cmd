kontrollera Tests/EndToEndTests/Golden/kontrollera/bra.ramverk --tyst
