// Route matching: '/devices/:id' against a pathname, decoding parameters. Pure, so it is unit tested.

export type Params = Record<string, string>;

export function matchPath(pattern: string, pathname: string): Params | undefined {
  const want = split(pattern);
  const have = split(pathname);
  if (want.length !== have.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return undefined; // a malformed escape is no match, not a crash
      }
    } else if (w !== h) {
      return undefined;
    }
  }
  return params;
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}
