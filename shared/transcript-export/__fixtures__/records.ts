// Hand-built export records for the format tests: the awkward text real interviews can hold
// (quotes, commas, CR/LF and blank lines, emoji, accents, Markdown and HTML specials, formula-like
// cells), messages stored as {role, content}, wrapped JSON text, a missing synth, NULL transcript
// ids, no messages, broken messages. Messages go through normalizeMessages as the backend's do.
import { normalizeMessages } from '../../transcript-messages';
import { storedTextOf } from '../stored-text';
import type { ExportHeading, ExportOptions, ExportSynth, ExportTranscript, TranscriptStreamWriter } from '../record';

export const HEADING: ExportHeading = { title: 'Experiment: Checkout "1-clique" & <Pix>', exportedAt: '2026-02-03T12:34:56.000Z' };

export const WITH_NOTES: ExportOptions = { includeInternalNotes: true, csvBom: false };
export const WITHOUT_NOTES: ExportOptions = { includeInternalNotes: false, csvBom: false };

function record(fields: Omit<ExportTranscript, 'messages' | 'problems' | 'storedText'>, rawMessages: unknown): ExportTranscript {
  const normalized = normalizeMessages(rawMessages);
  return { ...fields, messages: normalized.messages, problems: normalized.problems, storedText: storedTextOf(normalized, rawMessages) };
}

const NO_SYNTH: Omit<ExportSynth, 'id'> = { name: null, age: null, gender: null, occupation: null, city: null, state: null, schooling: null, groupName: null };

/** Every kind of awkward text, stored the usual synth-lab way ({speaker, text, internal_notes}). */
export const TRICKY = record(
  {
    execId: 'batch_exp_a1b2c3d4_20251215_143022',
    synthId: 'k3m9x2',
    transcriptId: null,
    status: 'completed',
    timestamp: '2025-12-15 14:30:22',
    synth: {
      id: 'k3m9x2',
      name: "Maria Conceição D'Ávila",
      age: 34,
      gender: 'feminino',
      occupation: 'Professora de matemática',
      city: 'São Paulo',
      state: 'SP',
      schooling: 'Superior completo',
      groupName: 'Classe C | urbana',
    },
    execution: { topicName: 'checkout-1-clique', model: 'gpt-4o-mini', startedAt: '2025-12-15T14:30:22.123456+00:00', completedAt: '2025-12-15T14:41:05.5+00:00' },
    experiment: { id: 'exp_a1b2c3d4', name: 'Checkout "1-clique" | fase 2' },
  },
  JSON.stringify([
    {
      speaker: 'Interviewer',
      text: 'Olá, Maria! Como você paga suas compras online?\n\nPode contar com detalhes, "sem pressa".',
      internal_notes: 'Abrir com pergunta ampla.',
    },
    {
      speaker: 'Interviewee',
      text: JSON.stringify({
        message: '# Normalmente uso Pix 💸, às vezes cartão.\r\nÉ rápido, mas <script>alert("x")</script> & tal | coisa.',
        should_end: false,
        internal_notes: 'Persona desconfiada;\nusar *ênfase* com cuidado.',
      }),
      internal_notes: null,
    },
    {
      speaker: 'Interviewer',
      text: '- lista\n1. item\n> citação\n===\n    indentado\n`code`, [link](http://x.test) e 50% off, a&b &amp; c, **não negrito**',
      internal_notes: null,
    },
    {
      speaker: 'Interviewee',
      text: '=SOMA(A1:A2)\r+55 11 99999-0000\r\n@usuario\t"aspas ""duplas"""\n\n\n\nFim, com vírgula,   ',
      internal_notes: '   ',
    },
    42,
    { speaker: 'Interviewee', text: '' },
  ]),
);

/** {role, content} messages (one with a parts list), no synth row, a uuid transcript id, a naive local time. */
export const ROLE_CONTENT = record(
  {
    execId: 'batch_compra-recorrente_20251202_100000',
    synthId: 'zz0001',
    transcriptId: '6f1c2a4e-8b7d-4c39-9e0a-1d2b3c4d5e6f',
    status: null,
    timestamp: '2026-01-05T11:03:22.123456',
    synth: { id: 'zz0001', ...NO_SYNTH },
    execution: { topicName: null, model: null, startedAt: null, completedAt: null },
    experiment: { id: null, name: null },
  },
  [
    { role: 'interviewer', content: 'Oi! Tudo bem?' },
    { role: 'assistant', content: [{ type: 'text', text: 'Parte 1' }, { type: 'text', text: 'Parte 2 — com travessão' }] },
    { role: 'Interviewer', content: 'E o pagamento recorrente?\n\n\n\nConta mais.' },
    { role: 'assistant', content: 'Tudo ótimo 😀👩🏽‍💻, obrigado!' },
  ],
);

/** Messages stored as empty text: no messages, one problem; an exact timestamp with an offset. */
export const EMPTY = record(
  {
    execId: 'exec-without-date',
    synthId: 'p0p0p0',
    transcriptId: null,
    status: 'failed',
    timestamp: '2026-01-13T09:00:00-03:00',
    synth: { id: 'p0p0p0', ...NO_SYNTH, name: 'José Ñandú Øster' },
    execution: { topicName: 'onboarding', model: 'claude-3-5-sonnet', startedAt: null, completedAt: null },
    experiment: { id: 'exp_0f1e2d3c', name: 'Onboarding' },
  },
  '',
);

/** Broken JSON: its text is kept nowhere in the export, only the problem; a Python-style naive time. */
export const BROKEN = record(
  {
    execId: 'batch_exp_4b5a6978_20251220_160000',
    synthId: 'b4d000',
    transcriptId: null,
    status: 'completed',
    timestamp: '2026-01-13 17:00:00.123456',
    synth: { id: 'b4d000', ...NO_SYNTH, name: '  Ana\nSouza  ', age: 61, city: 'Recife', state: null },
    execution: { topicName: 'pix', model: 'gpt-4o', startedAt: null, completedAt: null },
    experiment: { id: 'exp_4b5a6978', name: null },
  },
  '[{"speaker": "Interviewer", "text": "Oi"',
);

export const RECORDS: readonly ExportTranscript[] = [TRICKY, ROLE_CONTENT, EMPTY, BROKEN];

/** Everything one writer produces for `records`, as the backend pipeline would append it. */
export function writeAll(writer: TranscriptStreamWriter, records: readonly ExportTranscript[] = RECORDS, heading: ExportHeading = HEADING): string {
  return writer.begin(heading) + records.map((entry, index) => writer.transcript(entry, index + 1)).join('') + writer.end(records.length);
}
