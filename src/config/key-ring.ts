/** The data-encryption key ring as configured: read and checked at boot, before anything opens. */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export class KeyRingError extends Error {
  override name = 'KeyRingError';
}

/** `id:base64key[,id:base64key…]`, current key first; each key exactly 32 bytes. */
export function parseKeyRing(value: string): DataKey[] {
  const keys = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator);
      const key = Buffer.from(entry.slice(separator + 1), 'base64');
      if (separator < 1 || !KEY_ID.test(id)) {
        throw new KeyRingError(
          'each key must be written id:base64, the id 1-32 of A-Z a-z 0-9 _ -',
        );
      }
      if (key.length !== 32)
        throw new KeyRingError(`key ${id} must be 32 bytes (44 base64 characters)`);
      return { id, key };
    });
  if (keys.length === 0) throw new KeyRingError('no key given');
  if (new Set(keys.map((k) => k.id)).size !== keys.length)
    throw new KeyRingError('key ids must differ');
  return keys;
}
