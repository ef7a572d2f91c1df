// Password hashing with argon2id (RFC 9106), stored as a PHC string; the API keeps only the hash.
import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * `$argon2id$v=19$m=…,t=…,p=…$salt$hash` (the PHC string format, as written by the reference
 * implementation). Salt and hash are unpadded base64.
 */
const phcPattern = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{16,}$/;

export function isArgon2idPhc(text: string): boolean {
  return phcPattern.test(text);
}

/**
 * Hashes a password with argon2id and the library defaults: 19 MiB, 2 passes, 1 lane, which is
 * the first of OWASP's recommended argon2id configurations (Password Storage Cheat Sheet).
 */
export async function hashPassword(plain: string): Promise<string> {
  if (plain.length === 0) throw new RangeError('the password is empty');
  return hash(plain, { algorithm: Algorithm.Argon2id });
}

/** Whether `plain` matches the PHC string; false (never a throw) for a malformed hash. */
export async function verifyPassword(phc: string, plain: string): Promise<boolean> {
  try {
    return await verify(phc, plain);
  } catch {
    return false;
  }
}
