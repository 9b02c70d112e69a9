kör Scenarios/haninge-2021.ramverk --kolumn 2021
