import { Transform } from 'class-transformer';

/** Trims and NFC-normalises a string field before validation; other types pass through. */
export const NormalizedText = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.normalize('NFC').trim() : value,
  );
