// Prometheus metrics whose values live in a component's own plain counters and are copied in at scrape time.
import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * Sensors and processors count in plain object fields on their hot paths (no prom-client call
 * per packet or message); these metrics read them only when Prometheus scrapes. `fill` sets the
 * current totals on a freshly reset metric (a counter only goes up through `inc`, so it is reset
 * first: label sets that disappeared go with it).
 */
export function scrapedCounter(
  registry: Registry, name: string, help: string, labelNames: readonly string[], fill: (c: Counter) => void,
): Counter {
  return new Counter({ name, help, labelNames, registers: [registry], collect() {
    this.reset();
    fill(this);
  } });
}

/** A gauge read at scrape time, like `scrapedCounter`. */
export function scrapedGauge(
  registry: Registry, name: string, help: string, labelNames: readonly string[], fill: (g: Gauge) => void,
): Gauge {
  return new Gauge({ name, help, labelNames, registers: [registry], collect() {
    this.reset();
    fill(this);
  } });
}
