// Tests that docs/events/ matches the schemas (run `npm run docs:events` when this fails).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EVENT_DOCS_DIR, renderEventDocs } from './json-schema.js';
import { allTopics } from './topics.js';

// This file runs from services/lib/schemas/dist/.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const STALE = 'docs/events/ is stale: run `npm run docs:events` and commit the result';

describe('docs/events', () => {
  const rendered = renderEventDocs();

  it('renders one draft 2020-12 schema per topic, deterministic, with a trailing newline', () => {
    assert.equal(rendered.size, allTopics.length + 1);
    for (const topic of allTopics) {
      const text = rendered.get(`${EVENT_DOCS_DIR}/${topic.name}.schema.json`) ?? '';
      assert.ok(text.endsWith('}\n'), topic.name);
      const doc = JSON.parse(text) as Record<string, unknown>;
      assert.equal(doc.$schema, 'https://json-schema.org/draft/2020-12/schema');
      assert.equal(doc.title, topic.name);
      assert.ok(Array.isArray(doc.required) && doc.required.includes('@timestamp'));
    }
    assert.deepEqual(renderEventDocs(), rendered);
  });

  it('matches the committed files', () => {
    for (const [path, content] of rendered) {
      let onDisk: string;
      try {
        onDisk = readFileSync(join(repoRoot, path), 'utf8');
      } catch {
        assert.fail(`${path} is missing. ${STALE}`);
      }
      assert.ok(onDisk === content, `${path} differs. ${STALE}`);
    }
    for (const name of readdirSync(join(repoRoot, EVENT_DOCS_DIR))) {
      const path = `${EVENT_DOCS_DIR}/${name}`;
      assert.ok(rendered.has(path), `${path} belongs to no topic. ${STALE}`);
    }
  });
});
