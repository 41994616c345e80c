import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  BACKUP_END,
  BACKUP_HEADER,
  type BackedUpTable,
  type BackupManifest,
  BackupFormatError,
  parseManifest,
  SECTION_END,
} from './backup-manifest.js';

/** The lines of a gzip file, as bytes without their newline. */
async function* linesOf(path: string): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  // A read error or a cut-off file destroys `gunzip` with the error, which the loop throws.
  pipeline(createReadStream(path), gunzip, () => undefined);
  let rest = Buffer.alloc(0);
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    const buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      yield buffer.subarray(start, end);
      start = end + 1;
    }
    rest = Buffer.from(buffer.subarray(start));
  }
  if (rest.length > 0) yield rest;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a backup from start to end: the manifest, then each table's rows handed to
 * `load` as chunks of COPY text (whole lines). `load` must consume them all and answer how
 * many rows it took; every count must match the manifest. Without `load` the rows are only
 * counted: a check of the whole file.
 */
export async function readBackup(
  path: string,
  load?: (table: BackedUpTable, rows: AsyncIterable<Buffer>) => Promise<number>,
  beforeRows?: (manifest: BackupManifest) => Promise<void>,
): Promise<BackupManifest> {
  const lines = linesOf(path);
  const next = async (what: string): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new BackupFormatError(`the file ends before ${what}`);
    return line.value.toString('utf8');
  };
  try {
    if ((await next('its header')) !== BACKUP_HEADER) {
      throw new BackupFormatError(`the first line is not "${BACKUP_HEADER}"`);
    }
    const manifest = parseManifest(await next('the manifest'));
    await beforeRows?.(manifest);
    for (const table of manifest.tables) {
      const title = `TABLE ${table.schema}.${table.name}`;
      if ((await next(title)) !== title) {
        throw new BackupFormatError(`expected the section ${title}`);
      }
      let counted = 0;
      async function* rows(): AsyncGenerator<Buffer> {
        const pending: Buffer[] = [];
        let size = 0;
        for (;;) {
          const line = await lines.next();
          if (line.done) throw new BackupFormatError(`the file ends inside ${title}`);
          if (line.value.length === 2 && line.value.toString('latin1') === SECTION_END) break;
          counted += 1;
          pending.push(line.value, NEWLINE);
          size += line.value.length + 1;
          if (size >= CHUNK_BYTES) {
            yield Buffer.concat(pending);
            pending.length = 0;
            size = 0;
          }
        }
        if (pending.length > 0) yield Buffer.concat(pending);
      }
      const loaded = load ? await load(table, rows()) : await countOnly(rows());
      if (counted !== table.rows || loaded !== table.rows) {
        throw new BackupFormatError(
          `${table.schema}.${table.name} holds ${counted} rows, the manifest says ${table.rows}`,
        );
      }
    }
    if ((await next(BACKUP_END)) !== BACKUP_END) {
      throw new BackupFormatError(`expected ${BACKUP_END} after the last table`);
    }
    if (!(await lines.next()).done) throw new BackupFormatError(`more follows ${BACKUP_END}`);
    return manifest;
  } finally {
    await lines.return(undefined);
  }
}

const NEWLINE = Buffer.from('\n');

async function countOnly(rows: AsyncIterable<Buffer>): Promise<number> {
  let n = 0;
  for await (const chunk of rows) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n += 1;
  }
  return n;
}
