// @netwatch/tls-sensor: ClientHello/ServerHello over reassembled TCP, JA3, JA3S, JA4, SNI, ALPN and the server certificate.
export { parseCertificateList } from './certificate/certificate-message.js';
export { rfc4514FromNodeName } from './certificate/distinguished-name.js';
export { describeLeafCertificate, type LeafCertificate } from './certificate/leaf-certificate.js';
export { ja3sString, ja3String, md5Hex } from './fingerprint/ja3.js';
export { alpnCode, type Ja4, ja4 } from './fingerprint/ja4.js';
export { parseClientHello } from './hello/client-hello.js';
export { isGrease } from './hello/grease.js';
export { type ClientHello, type MalformedReason, malformedReasons, type ServerHello } from './hello/hello-types.js';
export { parseServerHello } from './hello/server-hello.js';
export { cipherSuiteName } from './names/cipher-suites.js';
export { groupName } from './names/groups.js';
export { createTlsAnalyzer, type TlsAnalyzer } from './tls-analyzer.js';
export { defaultTlsConfig, type TlsConfig, tlsConfigFromEnv, tlsConfigFromProcess, tlsEnvShape } from './tls-config.js';
export { type Handshake, TlsConnection } from './tls-connection.js';
export { buildTlsEvent } from './tls-event.js';
export { emptyTlsStats, type TlsStats } from './tls-stats.js';
export { tlsSensorService } from './tls-service.js';
