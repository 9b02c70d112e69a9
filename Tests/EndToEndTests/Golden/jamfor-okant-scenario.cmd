jämför Scenarios/haninge-2021-alternativ.ramverk --scenario Okänt
