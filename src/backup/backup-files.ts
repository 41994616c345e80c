/**
 * How backup files are named and which ones the daily job deletes. Only files named by
 * `backupFileName` are ever considered: anything else in the folder is left alone.
 */

const NAME = /^relational-intake-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.backup\.gz$/;

const two = (n: number) => String(n).padStart(2, '0');

/** `relational-intake-20261204T021500Z.backup.gz`: sorts by time, no characters a shell or Windows minds. */
export function backupFileName(at: Date): string {
  return (
    `relational-intake-${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}` +
    `T${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}Z.backup.gz`
  );
}

/** When a backup named by `backupFileName` was made; null for any other name. */
export function backupTimeOf(name: string): Date | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const at = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  // Reject what Date would roll over (a 31 November, a 25th hour).
  return backupFileName(at) === name ? at : null;
}

/** The backups to delete so that the newest `keep` remain, oldest first. */
export function backupsToDelete(names: readonly string[], keep: number): string[] {
  const backups = names
    .map((name) => ({ name, at: backupTimeOf(name) }))
    .filter((entry): entry is { name: string; at: Date } => entry.at !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.name.localeCompare(b.name));
  return backups.slice(0, Math.max(0, backups.length - Math.max(keep, 0))).map((b) => b.name);
}
