kontrollera Tests/EndToEndTests/Golden/kontrollera/varningar.ramverk --varningar-som-fel
