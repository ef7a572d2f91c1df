// @netwatch/capture: the flow sensor (flow table, L7 guesses, stats) and its analyzer and service.
export { defaultFlowConfig, DEFAULT_HOME_NET, type FlowConfig, flowConfigFromEnv, flowEnvShape } from './flow-config.js';
export { type ExportReason } from './flow-export.js';
export { isoTime } from '@netwatch/packet/iso-time';
export { type FlowSink, FlowTable, type FlowTableStats } from './flow-table.js';
export { HomeNet, parseCidr } from '@netwatch/packet/home-net';
export { l7Names } from './l7-ports.js';
export { signatureOf } from './l7-signatures.js';
export { type CaptureAnalyzer, createCaptureAnalyzer, flowConfigFromProcess } from './capture-analyzer.js';
export { captureEnvShape, openCaptureInterfaces } from '@netwatch/packet/live/capture-env';
export { captureService } from './capture-service.js';
export { type LiveLoop, startLiveLoop } from '@netwatch/packet/live/live-loop';
