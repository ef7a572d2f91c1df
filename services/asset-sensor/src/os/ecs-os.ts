// Maps a p0f label to ECS host.os fields (https://www.elastic.co/guide/en/ecs/current/ecs-os.html).
import type { SignatureLabel } from './signature.js';

/** ECS `host.os` subset the asset event carries. */
export interface EcsOs {
  readonly name: string;
  /** Lowercase OS family, e.g. linux, windows, macos, ios, android, freebsd. */
  readonly family: string;
  /** ECS os.type where it applies: linux, macos, unix, windows, ios, android. */
  readonly type?: string;
  readonly version?: string;
  /** Name and flavor as p0f prints them, e.g. "Linux 3.11 and newer". */
  readonly full: string;
}

/** p0f names (p0f.fp spells Mac OS X two ways) to [ECS os.type, family]. */
const KNOWN: Record<string, readonly [string, string]> = {
  linux: ['linux', 'linux'],
  windows: ['windows', 'windows'],
  'mac os x': ['macos', 'macos'],
  'macos x': ['macos', 'macos'],
  ios: ['ios', 'ios'],
  android: ['android', 'android'],
};

/**
 * ECS fields for an OS label; undefined for application labels (class `!`: NMap, p0f-sendsyn), which
 * say nothing about the host's OS. p0f's "Linux (Android)" flavor is reported as Android. The flavor
 * becomes `version` unless it is only a parenthesised note, e.g. "(loopback)".
 */
export function ecsOs(label: SignatureLabel): EcsOs | undefined {
  if (label.osClass === '!') return undefined;
  const full = label.flavor === '' ? label.name : `${label.name} ${label.flavor}`;
  if (label.name.toLowerCase() === 'linux' && /android/i.test(label.flavor)) {
    return { name: 'Android', family: 'android', type: 'android', full };
  }
  const known = KNOWN[label.name.toLowerCase()];
  const version = label.flavor === '' || /^\(.*\)$/.test(label.flavor) ? undefined : label.flavor;
  const family = known?.[1] ?? label.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  // Other unix-class systems (FreeBSD, OpenBSD, Solaris …) are ECS type "unix"; class "other" has no ECS type.
  const type = known?.[0] ?? (label.osClass === 'unix' ? 'unix' : label.osClass === 'win' ? 'windows' : undefined);
  return {
    name: label.name,
    family,
    ...(type === undefined ? {} : { type }),
    ...(version === undefined ? {} : { version }),
    full,
  };
}
