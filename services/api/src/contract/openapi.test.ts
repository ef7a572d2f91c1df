// The served OpenAPI document against the real server: every documented path answers, with the documented keys.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { exampleFor, topics } from '@netwatch/schemas';
import { alertEvent, flowEvent, type Harness, startHarness } from '../testing/harness.js';

interface JsonSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

let h: Harness;
let doc: Document;
const alertId = '01976371-583a-75ab-aee9-0000000000aa';

before(async () => {
  h = await startHarness();
  h.bus.publish(topics.enrichedFlow, flowEvent({ id: 'f1' }));
  h.bus.publish(topics.enrichedAlert, alertEvent({ id: alertId }));
  h.bus.publish(topics.sensorStats, exampleFor('netwatch.sensor.stats.v1'));
  await h.settle();
  doc = (await (await fetch(`${h.base}/api/v1/openapi.json`)).json()) as Document;
});

after(async () => {
  await h.close();
});

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (schema?.$ref === undefined) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return doc.components.schemas[name];
}

/** The status and headers of a request, reading at most the start of the body (the feed never ends). */
function probe(method: string, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(`${h.base}/api/v1${path}`, { method, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (res.headers['content-type']?.startsWith('text/event-stream')) res.destroy();
      });
      const done = () => resolvePromise({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body });
      res.on('end', done);
      res.on('close', done);
    });
    req.on('error', reject);
    req.end(method === 'POST' && path === '/auth/login' ? '{"username":"admin","password":"x"}' : undefined);
  });
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and every $ref points at a component', () => {
    assert.equal(doc.openapi, '3.1.0');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]);
    assert.ok(refs.length > 20);
    for (const ref of refs) assert.ok(doc.components.schemas[ref as string], `missing component ${ref}`);
    for (const path of ['/flows', '/devices', '/devices/{id}', '/devices/{id}/flows', '/alerts', '/alerts/{id}/ack', '/stats',
      '/site', '/topology', '/feed', '/health', '/auth/session', '/auth/login', '/auth/logout', '/openapi.json'])
      assert.ok(doc.paths[path], path);
  });

  it('every documented path answers with a documented status and exactly the documented top-level keys', async () => {
    let checked = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const id = template.startsWith('/alerts/') ? alertId : 'ip-192.168.10.23';
        const path = template.replace('{id}', id);
        const answer = await probe(method.toUpperCase(), path);
        const documented = operation.responses[String(answer.status)];
        assert.ok(documented, `${method} ${path} answered ${answer.status}, not documented`);
        const schema = resolve(documented.content?.['application/json']?.schema);
        if (schema?.properties === undefined) continue;
        const body = JSON.parse(answer.body) as Record<string, unknown>;
        const keys = Object.keys(body);
        for (const key of keys) assert.ok(key in schema.properties, `${method} ${path}: undocumented key ${key}`);
        for (const key of schema.required ?? []) assert.ok(keys.includes(key), `${method} ${path}: missing ${key}`);
        checked++;
      }
    }
    assert.ok(checked >= 12, `checked ${checked} JSON answers`);
  });
});
