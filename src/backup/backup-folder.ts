import { chmod, mkdir } from 'node:fs/promises';

/**
 * Makes the folder for backups when missing, readable by the service's user only. A folder
 * that exists is left as its owner set it.
 */
export async function backupFolder(folder: string): Promise<void> {
  const made = await mkdir(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode is narrowed by the umask, never widened; chmod makes it exactly 0700.
  if (made !== undefined) await chmod(folder, 0o700);
}
