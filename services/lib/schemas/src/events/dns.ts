// netwatch.dns.v1: one DNS transaction (query and, when seen, its response), like Zeek dns.log.
import { z } from 'zod';
import { eventShape } from '../base.js';
import { portEndpoint } from '../endpoint.js';
import { network } from '../network.js';
import { count, nanoseconds, uint16 } from '../primitives.js';

/** ECS `dns.header_flags` names (RFC 1035 §4.1.1; AD/CD RFC 4035 §3.2; DO RFC 3225). */
export const dnsHeaderFlags = ['AA', 'TC', 'RD', 'RA', 'AD', 'CD', 'DO'] as const;

/** ECS `dns.answers[]`: one resource record of the answer section. */
const dnsAnswer = z.looseObject({
  name: z.string(),
  type: z.string().describe('RR type mnemonic, or TYPEnnn for unknown types (RFC 3597 §5)'),
  class: z.string().optional(),
  ttl: z.number().int().nonnegative(),
  data: z.string().describe('RDATA in presentation form'),
});

/** ECS `dns.*`. */
const dns = z.looseObject({
  id: z.string().describe('Transaction id as in ECS (keyword); numeric in netwatch.dns.id'),
  type: z.enum(['query', 'answer']).describe('`answer` once a response was seen'),
  op_code: z.string().optional().describe('QUERY, IQUERY, STATUS, NOTIFY, UPDATE'),
  header_flags: z.array(z.enum(dnsHeaderFlags)),
  response_code: z.string().optional().describe('RCODE name, e.g. NOERROR, NXDOMAIN'),
  question: z.looseObject({
    name: z.string().describe('Queried name, lowercase, without trailing dot'),
    type: z.string().describe('QTYPE mnemonic, e.g. A, AAAA, TXT'),
    class: z.string().describe('QCLASS mnemonic, usually IN'),
    registered_domain: z.string().optional().describe('eTLD+1 per the Public Suffix List'),
    subdomain: z.string().optional(),
    top_level_domain: z.string().optional(),
  }),
  answers: z.array(dnsAnswer).optional(),
  resolved_ip: z.array(z.string()).optional(),
});

/** Lexical features of the query name, used by the DGA and tunnelling detectors. */
const qnameFeatures = z.looseObject({
  qname_length: count,
  label_count: count,
  longest_label: count,
  entropy: z.number().nonnegative().describe('Shannon entropy of the name, bits per character'),
  digit_ratio: z.number().min(0).max(1).optional(),
});

/** EDNS(0) of the query (or of the response when the query was not seen), RFC 6891 §6.1.3. */
const ednsDetails = z.looseObject({
  udp_payload_size: uint16.describe('Requestor\'s UDP payload size (the OPT CLASS field)'),
  version: z.number().int().min(0).max(255).describe('EDNS version'),
  dnssec_ok: z.boolean().describe('DO bit (RFC 3225)'),
  option_codes: z.array(uint16).describe('EDNS option codes in order (IANA "DNS EDNS0 Option Codes")'),
  client_subnet: z.string().optional().describe('EDNS Client Subnet as address/source/scope (RFC 7871 §6)'),
});

/** netwatch.dns: the raw numeric codes beside ECS's readable names, plus timing and features. */
export const dnsDetails = z.looseObject({
  id: uint16.describe('DNS message id'),
  qtype: uint16.describe('Numeric QTYPE (IANA DNS parameters)'),
  qclass: uint16,
  opcode: z.number().int().min(0).max(15),
  rcode: z.number().int().min(0).max(4095).optional().describe('With EDNS extended bits'),
  flags: uint16.optional().describe('Raw 16-bit header flags word of the response'),
  latency_ns: nanoseconds.optional().describe('Query to first response, at the sensor'),
  rejected: z.boolean().optional().describe('Response was REFUSED/NOTIMP/FORMERR'),
  truncated: z.boolean().optional(),
  answer_count: count.optional(),
  features: qnameFeatures,
  query_seen: z.boolean().optional()
    .describe('false when only the response was seen (capture started late, asymmetric routing); absent otherwise'),
  edns: ednsDetails.optional().describe('EDNS(0) OPT record, when the message had one'),
});

export const dnsEvent = z.looseObject({
  ...eventShape('dns', { dns: dnsDetails }),
  source: portEndpoint.describe('The client that asked'),
  destination: portEndpoint.describe('The resolver that was asked'),
  network,
  dns,
});

export type DnsEvent = z.infer<typeof dnsEvent>;
