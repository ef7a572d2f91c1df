// Test hook (documented in ui/README.md): browser tests read the globe's live state from window.__netwatch.

export interface NetwatchTestHook {
  /** arcs currently on the globe (alive or fading) */
  arcs(): number;
  /** alert points on the globe */
  points(): number;
  /** flows the page has received (initial load + feed) */
  flowsReceived(): number;
  /** true once the globe has drawn its surface and the first data sync ran */
  ready: boolean;
}

declare global {
  interface Window {
    __netwatch?: NetwatchTestHook;
  }
}

export function installTestHook(hook: NetwatchTestHook): () => void {
  window.__netwatch = hook;
  return () => {
    if (window.__netwatch === hook) delete window.__netwatch;
  };
}
