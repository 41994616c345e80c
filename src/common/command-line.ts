/**
 * The one way our command-line programs (backup, restore, create-admin) end: every outcome
 * is one line a person can act on, and the exit code says which kind it was.
 */

/** 0 done, 1 refused or failed (the line says why), 2 bad arguments (the usage follows). */
export const EXIT = { done: 0, refused: 1, usage: 2 } as const;

/** Bad arguments: the message is printed with the usage. */
export class UsageError extends Error {}

export interface CommandLine<Arguments> {
  /** The program's name, as `npm run <name>`. */
  name: string;
  usage: string;
  /** `'help'` for --help; throws UsageError for bad arguments. */
  parse(argv: string[]): Arguments | 'help';
  run(args: Arguments): Promise<void>;
  /** The line for an expected refusal (printed as is), or undefined for a failure. */
  refusal?(error: unknown): string | undefined;
  /** Added after an unexpected failure's message (what state it may have left). */
  failureHint?: string;
}

/** Runs a program and says how it ended; resolves to its exit code. */
export async function runCommandLine<Arguments>(
  command: CommandLine<Arguments>,
  argv: string[],
  // Straight to the terminal: a program's answer to the person who ran it, not a log line.
  print: { out: (line: string) => void; error: (line: string) => void } = {
    out: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  },
): Promise<number> {
  try {
    const args = command.parse(argv);
    if (args === 'help') {
      print.out(command.usage);
      return EXIT.done;
    }
    await command.run(args);
    return EXIT.done;
  } catch (error) {
    if (error instanceof UsageError) {
      print.error(`${error.message}\n${command.usage}`);
      return EXIT.usage;
    }
    const refusal = command.refusal?.(error);
    if (refusal !== undefined) {
      print.error(refusal);
      return EXIT.refused;
    }
    const message = error instanceof Error ? error.message : String(error);
    print.error(`${command.name} failed: ${message}${command.failureHint ?? ''}`);
    return EXIT.refused;
  }
}

/** The entry point of a program file: run it, then exit with its code. */
export function exitWith(code: Promise<number>): void {
  void code.then((value) => process.exit(value));
}
