risk Scenarios/vaggeryd-2024-04.ramverk --iterationer 20000 --format json
