risk Scenarios/haninge-2021.ramverk --format csv
