kör Scenarios/haninge-2021.ramverk --kolum 2021
