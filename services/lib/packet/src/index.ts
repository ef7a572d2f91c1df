// Public API of @netwatch/packet: capture file reading, pcap writing, link types.

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
