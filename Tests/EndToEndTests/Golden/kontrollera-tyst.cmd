kontrollera Tests/EndToEndTests/Golden/kontrollera --tyst
