// Passive OS fingerprinting of TCP SYN / SYN+ACK packets with p0f 3's rules and signature database.
export { type EcsOs, ecsOs } from './ecs-os.js';
export { Fingerprinter, fingerprintSyn, type OsVerdict } from './fingerprint.js';
export { loadSignatures, parseTcpSignature } from './fp-parser.js';
export { guessDistance, MatchResult, matchTcp, MAX_DISTANCE } from './matcher.js';
export { Quirk } from './quirks.js';
export { formatRawSignature } from './raw-signature.js';
export type { SignatureDb, SignatureLabel, SignatureSet, TcpSignature } from './signature.js';
export { WindowType } from './signature.js';
export { BUNDLED_P0F_DB, loadConfiguredSignatures, loadSignatureFile, P0F_DB_ENV } from './signature-file.js';
export { observeTcp, TcpKind, TcpObservation } from './tcp-observation.js';
export { DEFAULT_HANDSHAKE_OPTIONS, type HandshakeOptions, HandshakeFingerprints, type HandshakeStats, type HandshakeVerdict } from './handshake-fingerprints.js';
