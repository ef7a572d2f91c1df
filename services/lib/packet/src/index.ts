// Public API of @netwatch/packet: capture file reading, pcap writing, link types, L2–L4 decoding.

export { DEFAULT_CHUNK_SIZE, forEachPacket, openCaptureFile } from './capture-file.js';
export {
  CAPTURE_FILE_ERROR_CODES,
  CAPTURE_READ_ERROR_NAMES,
  CaptureFileError,
  type CaptureFileErrorCode,
  type CaptureReadErrorName,
} from './capture-file-error.js';
export {
  type CaptureFileFormat,
  type CaptureFileReader,
  type CaptureFileStats,
  type CaptureInterface,
  MAX_CAPLEN,
  type OpenCaptureFileOptions,
} from './capture-types.js';
export { type KnownLinkType, LinkType, linkTypeName } from './linktype.js';
export { createPacketView, type PacketView } from './packet-view.js';
export {
  encodePcapHeader,
  type PacketRecord,
  PcapBufferWriter,
  PcapFileWriter,
  type PcapWriterOptions,
} from './pcap-writer.js';
export { formatAddress, formatMac } from './decode/address.js';
export {
  DECODE_ERROR_COUNT,
  DecodeError,
  decodeErrorName,
  decodeErrorNames,
  DecodeStats,
} from './decode/decode-error.js';
export { decodePacket } from './decode/decode-packet.js';
export {
  createDecodedPacket,
  DecodedPacket,
  EtherType,
  IpProtocol,
  MAX_TCP_OPTION_KINDS,
  resetDecodedPacket,
  TcpFlag,
  TunnelType,
} from './decode/decoded-packet.js';
export { MAX_IPV6_EXT_HEADERS } from './decode/ip.js';
export { MAX_VLAN_TAGS } from './decode/link.js';
export { MAX_TUNNEL_DEPTH } from './decode/tunnel.js';
export { seededRandom, seededUint32 } from './seeded-random.js';
export type { AnalyzerContext, AnalyzerFactory, InterfaceCaptureStats, PacketAnalyzer } from './analyzer.js';
export { libpcapVersion, listInterfaces, type LiveInterface, type LiveInterfaceAddress } from './live/list-interfaces.js';
export { LiveBatch } from './live/live-batch.js';
export {
  LIVE_CAPTURE_ERROR_CODES,
  LiveCaptureError,
  type LiveCaptureErrorCode,
} from './live/live-capture-error.js';
export {
  LiveCapture,
  type LiveCaptureStats,
  type OnBatch,
  type OnCaptureError,
  openLiveCapture,
  type TimestampPrecision,
} from './live/live-capture.js';
export { LiveCaptureGroup, openLiveCaptures } from './live/live-captures.js';
export { LIVE_CAPTURE_DEFAULTS, type LiveCaptureOptions } from './live/live-options.js';
export { AnalyzerFanout } from './analyzer-fanout.js';
export {
  openCaptureOrFail,
  type PacketLoopOptions,
  type PacketLoopProgress,
  type PacketLoopResult,
  runPacketLoop,
} from './file-loop.js';
