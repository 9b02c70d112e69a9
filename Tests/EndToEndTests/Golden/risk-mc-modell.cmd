risk Benchmarks/mc-modell.ramverk --iterationer 50000 --frö 7
