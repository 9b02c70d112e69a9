kör Scenarios/vaggeryd-2024-04.ramverk --format csv
