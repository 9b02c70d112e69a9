kör
