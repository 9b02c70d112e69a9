kontrollera Tests/EndToEndTests/Golden/kontrollera --format github
