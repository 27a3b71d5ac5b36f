import type { ProgressListener, SeedStep } from './load.ts';

const LABELS: Record<SeedStep, string> = {
  districts: 'administrative codes',
  boundaries: 'province and prefecture boundaries',
  holidays: 'holiday calendar',
  venues: 'venues',
};

/**
 * Prints seeding progress for a person at a terminal: one line per step that rewrites itself on a
 * TTY, and a plain line per step when output goes to a file or a CI log.
 */
export function progressPrinter(
  out: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean },
): ProgressListener {
  return (step, done, total) => {
    const line = `  loading ${LABELS[step]}: ${done}/${total}`;
    if (out.isTTY) out.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (done === total) out.write(`${line}\n`);
  };
}
