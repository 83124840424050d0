// One line describing the machine a benchmark ran on, for BENCHMARKS.md, with how fast it ran at
// the time: figures from runs on different machines (or under other load) compare by it.
import { cpus, totalmem } from 'node:os';

export function describeMachine(calibrationMs: number): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return `${cpus().length} × ${cpu}, ${memory}, Node ${process.versions.node}, ${process.platform} · calibration ${calibrationMs.toFixed(0)} ms (a fixed single-threaded JSON workload, best of 3; lower is faster)`;
}

/** Times a fixed piece of single-threaded work: parsing and re-serialising one JSON document 50 times, best of 3 rounds. */
export function calibrationMs(): number {
  const document = JSON.stringify(Array.from({ length: 2000 }, (_, index) => ({ id: `syn_${index}`, nome: 'Maria Aparecida Souza', idade: index % 90, interesses: ['leitura', 'música', 'viagens'], score: index / 7 })));
  let best = Infinity;
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    for (let repeat = 0; repeat < 50; repeat += 1) JSON.stringify(JSON.parse(document));
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
