import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's suggested minimum (19 MiB, 2 passes, 1 lane). */
// 2 = Algorithm.Argon2id (a const enum, which isolatedModules cannot read).
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the address is unknown makes a wrong address take as long
// as a wrong password, so timing does not tell which addresses have accounts.
let unknownUserHash: Promise<string> | undefined;

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === null) {
    unknownUserHash ??= hashPassword('not a password: timing equaliser');
    await verify(await unknownUserHash, password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
