kontrollera Tests/EndToEndTests/Golden/kontrollera --format json
