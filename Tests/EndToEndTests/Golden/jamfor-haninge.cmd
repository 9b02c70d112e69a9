jämför Scenarios/haninge-2021-alternativ.ramverk --iterationer 20000
