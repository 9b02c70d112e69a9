risk Benchmarks/mc-modell.ramverk --iterationer 0
