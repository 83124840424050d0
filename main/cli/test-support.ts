// The CLI as its tests run it: in-process, output captured, one-line failures checked the same way.
import { expect } from 'vitest';
import { main } from './main';
import type { CliIo } from './output';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), interactive: false };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Nothing on stdout, one `synthlab-browser: …` line on stderr matching `pattern`; exit `code`, or any non-zero one. */
export function expectOneLineFailure(run: CliRun, pattern: RegExp, code?: number): void {
  if (code === undefined) expect(run.code).not.toBe(0);
  else expect(run.code).toBe(code);
  expect(run.out).toBe('');
  const lines = run.err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^synthlab-browser: /);
  expect(lines[0]).toMatch(pattern);
}
