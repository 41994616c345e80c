import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { backupFileName, backupTimeOf, backupsToDelete } from './backup-files.js';

const at = (iso: string) => new Date(iso);

describe('backupFileName and backupTimeOf', () => {
  it('names a backup by its UTC time, to the second', () => {
    expect(backupFileName(at('2026-12-04T02:15:07.900Z'))).toBe(
      'relational-intake-20261204T021507Z.backup.gz',
    );
  });

  it('reads the time back from any name it made', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: at('2000-01-01T00:00:00Z'),
          max: at('2999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const second = new Date(Math.floor(date.getTime() / 1000) * 1000);
          expect(backupTimeOf(backupFileName(date))).toEqual(second);
        },
      ),
    );
  });

  it('does not take other names, nor impossible dates, for backups', () => {
    for (const name of [
      'notes.txt',
      'relational-intake-20261204T021507Z.backup.gz.partial',
      'relational-intake-20261204T021507Z.backup',
      'relational-intake-20261131T021507Z.backup.gz',
      'relational-intake-20261204T251507Z.backup.gz',
      'other-20261204T021507Z.backup.gz',
    ]) {
      expect({ name, at: backupTimeOf(name) }).toEqual({ name, at: null });
    }
  });
});

describe('backupsToDelete', () => {
  const day = (n: number) => backupFileName(new Date(Date.UTC(2026, 10, n, 2, 15)));

  it('keeps the newest BACKUP_KEEP and names the rest, oldest first', () => {
    const names = [day(5), day(1), day(3), day(4), day(2)];
    expect(backupsToDelete(names, 3)).toEqual([day(1), day(2)]);
  });

  it('deletes nothing while there are no more than BACKUP_KEEP', () => {
    expect(backupsToDelete([day(1), day(2)], 2)).toEqual([]);
    expect(backupsToDelete([], 14)).toEqual([]);
  });

  it("never names a file it did not make (a partial one, an operator's copy)", () => {
    const names = [day(1), `${day(2)}.partial`, 'keep-me.backup.gz', day(3), day(4)];
    expect(backupsToDelete(names, 1)).toEqual([day(1), day(3)]);
  });

  it('leaves exactly the newest `keep` backups, whatever the folder holds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { maxLength: 20 }),
        fc.array(fc.string(), { maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        (days, others, keep) => {
          const names = [...days.map(day), ...others];
          const deleted = backupsToDelete(names, keep);
          const left = days.filter((n) => !deleted.includes(day(n))).sort((a, b) => a - b);
          const expected = [...days].sort((a, b) => a - b).slice(-keep);
          expect(left).toEqual(expected);
          for (const name of deleted) expect(backupTimeOf(name)).not.toBeNull();
        },
      ),
    );
  });
});
