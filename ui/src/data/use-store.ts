// React's view of a store: re-render when its publisher's version changes (a few times a second at most).
import { useSyncExternalStore } from 'react';
import { type Publisher } from './publisher.js';

export function usePublisher(publisher: Publisher): number {
  return useSyncExternalStore(publisher.subscribe, publisher.version);
}
