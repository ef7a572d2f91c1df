// The bus: its contract and both implementations.
export * from './base-bus.js';
export * from './codec.js';
export * from './dead-letter.js';
export * from './kafka-bus.js';
export * from './memory-broker.js';
export * from './memory-bus.js';
export * from './partitioner.js';
export * from './types.js';
