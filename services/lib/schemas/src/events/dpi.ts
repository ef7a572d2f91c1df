// netwatch.dpi.v1: a non-alert Suricata EVE or Zeek log record, forwarded as the tool wrote it.
import { z } from 'zod';
import { eventShape } from '../base.js';
import { endpoint } from '../endpoint.js';
import { network } from '../network.js';

export const dpiTools = ['suricata', 'zeek'] as const;

export const dpiDetails = z.looseObject({
  tool: z.enum(dpiTools),
  log_type: z
    .string()
    .regex(/^[a-z0-9_.-]+$/)
    .describe('EVE event_type (http, fileinfo, smb …) or Zeek log stream (http, files, x509 …)'),
  record: z.record(z.string(), z.unknown()).describe('The original JSON record, untouched'),
});

export const dpiEvent = z.looseObject({
  ...eventShape('dpi', { dpi: dpiDetails }),
  source: endpoint.optional(),
  destination: endpoint.optional(),
  network: network.partial({ direction: true, type: true }).optional(),
});

export type DpiEvent = z.infer<typeof dpiEvent>;
