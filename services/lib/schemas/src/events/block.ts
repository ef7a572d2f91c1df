// netwatch.action.block.v1: a decision to add, remove or expire a block on an address or network.
import { z } from 'zod';
import { eventShape } from '../base.js';
import { cidr, ip, timestamp } from '../primitives.js';

export const blockActions = ['add', 'remove', 'expire'] as const;

export const blockDetails = z.looseObject({
  target: z.union([ip, cidr]).describe('The offending address, or a network in CIDR form'),
  action: z.enum(blockActions),
  reason: z.string().min(1),
  alert_ids: z.array(z.uuidv7()).optional(),
  incident_id: z.uuidv7().optional(),
  ttl_seconds: z.number().int().positive().optional(),
  expires_at: timestamp.optional(),
  dry_run: z.boolean().describe('Decided but not enforced'),
  decided_by: z.string().min(1).describe('e.g. block-service, or operator:<name>'),
});

export const blockEvent = z.looseObject(eventShape('block', { block: blockDetails }));

export type BlockEvent = z.infer<typeof blockEvent>;
