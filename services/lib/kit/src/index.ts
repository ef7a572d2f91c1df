// @netwatch/kit: what every netwatch service stands on.
export * from './bus/index.js';
export * from './bus-config.js';
export * from './config.js';
export * from './create-bus.js';
export * from './errors.js';
export * from './log.js';
export * from './metrics.js';
export * from './ops-server.js';
export * from './runtime.js';
export * from './scraped-metrics.js';
export * from './service-config.js';
export * from './timeout.js';
