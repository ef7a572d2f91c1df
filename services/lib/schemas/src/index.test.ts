// Tests that the package entry point exposes the working API (what other packages import).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as api from './index.js';

describe('@netwatch/schemas entry point', () => {
  it('exports the registry, the contract helpers and the id functions', () => {
    assert.equal(api.allTopics.length, 14);
    const flow = api.exampleFor('netwatch.flow.v1');
    assert.equal(
      api.topicByName('netwatch.flow.v1').key(api.strictParse(api.flowEvent, flow)),
      '192.168.10.23',
    );
    assert.equal(
      api.communityId('128.232.110.120', '66.35.250.204', api.IPPROTO.TCP, 34855, 80),
      '1:LQU9qZlK+B5F3KDmev6m5PMibrg=',
    );
    assert.ok(api.isUuidV7(api.uuidv7()));
    assert.equal(api.dlqTopicName('detect'), 'netwatch.dlq.detect.v1');
  });
});
