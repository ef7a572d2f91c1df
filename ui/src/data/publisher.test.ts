import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Publisher, type Scheduler } from './publisher.js';

/** A manual clock: timers run when the test advances time. */
function manualClock(): Scheduler & { advance(ms: number): void } {
  let now = 1000;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout(fn, ms) {
      timers.push({ at: now + ms, fn });
      return timers.length;
    },
    advance(ms) {
      now += ms;
      for (const t of timers.splice(0).sort((a, b) => a.at - b.at)) {
        if (t.at <= now) t.fn();
        else timers.push(t);
      }
    },
  };
}

test('many changes within one interval publish once at its end', () => {
  const clock = manualClock();
  const p = new Publisher(250, clock);
  let calls = 0;
  p.subscribe(() => calls++);
  p.changed(); // first change publishes at once
  assert.equal(calls, 1);
  assert.equal(p.version(), 1);
  for (let i = 0; i < 1000; i++) p.changed();
  assert.equal(calls, 1, 'no publication per message');
  clock.advance(249);
  assert.equal(calls, 1);
  clock.advance(1);
  assert.equal(calls, 2);
  assert.equal(p.version(), 2);
  clock.advance(10_000);
  assert.equal(calls, 2, 'nothing changed, nothing published');
});

test('an unsubscribed listener hears nothing more', () => {
  const clock = manualClock();
  const p = new Publisher(0, clock);
  let calls = 0;
  const off = p.subscribe(() => calls++);
  p.changed();
  off();
  p.changed();
  assert.equal(calls, 1);
  assert.equal(p.version(), 2);
});
