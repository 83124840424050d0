// `npm run bench [-- --only NAME] [-- --scale small|medium|large]`: runs the benchmark suites and
// writes their figures into BENCHMARKS.md. Separate from the tests: nothing here asserts a time.
import { parseArgs } from 'node:util';
import { calibrationMs, describeMachine } from './machine';
import { writeSection } from './report';
import type { BenchContext, BenchSuite } from './suite';
import { apiSuite } from './suites/api';
import { demoSuite } from './suites/demo';
import { exportSuite } from './suites/export';
import { uiSuite } from './suites/ui';

const SUITES: readonly BenchSuite[] = [demoSuite, apiSuite, uiSuite, exportSuite];

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, scale: { type: 'string', default: 'large' } } });
const scale = values.scale as BenchContext['scale'];
if (!['small', 'medium', 'large'].includes(scale)) throw new Error('--scale must be small, medium or large');
const chosen = values.only ? SUITES.filter((suite) => values.only!.includes(suite.name)) : SUITES;
if (chosen.length === 0) throw new Error(`No suite named ${values.only!.join(', ')}; suites: ${SUITES.map((s) => s.name).join(', ')}`);

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
for (const suite of chosen) {
  log(`${suite.title}`);
  const calibration = calibrationMs();
  const body = await suite.run({ scale, log });
  const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
  writeSection('BENCHMARKS.md', suite.name, `## ${suite.title}\n\n${stamp} UTC · ${describeMachine(calibration)}\n\n${body}`);
  log(`${suite.title}: written to BENCHMARKS.md`);
}
