// The live indicator: the feed's state in words and a coloured dot (colour is never the only signal).
import { useEffect, useState } from 'react';
import { useApp } from '../app/context.js';
import { type FeedStatus } from '../data/feed.js';
import { usePublisher } from '../data/use-store.js';

export function describeFeed(status: FeedStatus, now: number): { label: string; tone: 'ok' | 'warn' | 'bad' } {
  switch (status.state) {
    case 'live':
      return { label: 'Live', tone: 'ok' };
    case 'connecting':
    case 'idle':
      return { label: 'Connecting…', tone: 'warn' };
    case 'reconnecting': {
      const s = status.retryAt === undefined ? undefined : Math.max(0, Math.ceil((status.retryAt - now) / 1000));
      return { label: s === undefined || s === 0 ? 'Reconnecting…' : `Reconnecting in ${s} s`, tone: 'warn' };
    }
    case 'unauthorized':
      return { label: 'Signed out', tone: 'bad' };
    case 'stopped':
      return { label: 'Offline', tone: 'bad' };
  }
}

export function ConnectionIndicator() {
  const { live } = useApp();
  usePublisher(live.feed.publisher);
  const status = live.feed.status;
  const [now, setNow] = useState(Date.now());
  // tick only while a countdown is shown
  useEffect(() => {
    if (status.state !== 'reconnecting') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [status.state]);
  const { label, tone } = describeFeed(status, now);
  const title = status.lastEventAt === undefined
    ? 'live feed: no event yet'
    : `live feed: ${status.messages} events, last ${new Date(status.lastEventAt).toLocaleTimeString('en-GB')}`;
  return (
    <p className={`live live-${tone}`} role="status" title={title}>
      <span className="live-dot" aria-hidden="true" />
      {label}
    </p>
  );
}
