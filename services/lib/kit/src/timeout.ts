// Races a promise against a deadline, rejecting with the NetwatchError the caller describes.
import { type NetwatchError } from './errors.js';

/** Resolves as `promise` does, or rejects with `onTimeout()` after `ms`; the timer never lingers. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => NetwatchError): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
