kontrollera Scenarios --format json
