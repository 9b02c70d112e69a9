kör --hjälp
