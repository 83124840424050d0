// One export, end to end: check the target, plan the scope, stream the transcripts through the
// format's writer into a temporary file, then move it onto the target (or register it as a
// download). Memory stays constant: the writer keeps O(1) state, the reader holds one batch, the
// sink one buffer. Any failure or cancel removes what was written.
import { basename } from 'node:path';
import type { z } from 'zod';
import { DOWNLOAD_PATH_PREFIX, type ExportCount, type ExportResult, type exportApi } from '../../../shared/contract/export';
import { AppError } from '../../../shared/errors';
import {
  createMarkdownIndexWriter,
  createStreamWriter,
  EXPORT_FORMATS,
  isSingleFileFormat,
  markdownDirFile,
  MARKDOWN_INDEX_FILE_NAME,
  suggestedFileName,
  type ExportFormat,
  type ExportHeading,
  type ExportOptions,
  type ExportTranscript,
} from '../../../shared/transcript-export/index';
import type { ProgressUpdate } from '../../../shared/api';
import { throwIfCancelled } from '../services/cancellable';
import type { ActiveDatabase } from '../services/session';
import type { DownloadRegistry } from './downloads';
import { checkTarget, openFileSink, openFolderSink, type ExportSink } from './file-sink';
import { planExport, type ExportPlan, type ParsedExportScope } from './plan';
import { createProgressMeter } from './progress';
import { readTranscripts, type ReadOptions } from './reader';

export type ExportParams = z.output<(typeof exportApi)['export.transcripts']['params']>;

export interface ExportContext {
  signal?: AbortSignal;
  progress?: (update: ProgressUpdate) => void;
  /** Serve mode's downloads; without it a download target is refused. */
  downloads?: DownloadRegistry;
  /** ISO time written into the export (tests fix it so golden files are stable). */
  exportedAt?: string;
  read?: ReadOptions;
}

/** md-dir has no writer of its own: its files are Markdown. */
const FOLDER_MIME_TYPE = 'text/markdown';

interface Writing {
  /** What the transcripts go through: text for the main file, plus files of their own for md-dir. */
  begin(heading: ExportHeading): string;
  transcript(sink: ExportSink, record: ExportTranscript, position: number): Promise<void>;
  end(count: number): string;
  mimeType: string;
}

function writingFor(format: ExportFormat, options: ExportOptions): Writing {
  if (isSingleFileFormat(format)) {
    const writer = createStreamWriter(format, options);
    return {
      begin: (heading) => writer.begin(heading),
      transcript: (sink, record, position) => sink.write(writer.transcript(record, position)),
      end: (count) => writer.end(count),
      mimeType: writer.mimeType,
    };
  }
  const index = createMarkdownIndexWriter();
  return {
    begin: (heading) => index.begin(heading),
    async transcript(sink, record, position) {
      const file = markdownDirFile(record, position, options);
      await sink.writeFile(file.fileName, file.content);
      await sink.write(index.entry(record, position));
    },
    end: (count) => index.end(count),
    mimeType: FOLDER_MIME_TYPE,
  };
}

export async function countExport(db: ActiveDatabase, scope: ParsedExportScope, signal?: AbortSignal): Promise<ExportCount> {
  const plan = await planExport(db, scope, signal);
  return {
    transcripts: plan.total,
    executions: plan.executions.length,
    subject: plan.subject,
    title: plan.title,
    suggestedFileNames: Object.fromEntries(EXPORT_FORMATS.map((format) => [format, suggestedFileName(format, plan.title)])) as ExportCount['suggestedFileNames'],
  };
}

/** Refuses what cannot work before anything is read or written. */
async function checkBeforeReading(params: ExportParams, context: ExportContext): Promise<void> {
  const { target, format } = params;
  if (target.kind === 'download') {
    if (context.downloads === undefined) {
      throw new AppError('bad_request', 'Downloads are only offered when the app is served to a browser: choose a file to save the export to.');
    }
    if (format === 'md-dir') {
      throw new AppError('bad_request', 'A folder of Markdown files cannot be downloaded by a browser: choose "Markdown" (one file) instead, or export the folder from the desktop app or the command line.');
    }
    return;
  }
  await checkTarget(target.path, format === 'md-dir' ? 'folder' : 'file', target.overwrite);
}

async function openSink(params: ExportParams, downloadPath: string | null): Promise<ExportSink> {
  const { target, format } = params;
  const where = target.kind === 'file' ? { path: target.path, overwrite: target.overwrite } : { path: downloadPath!, overwrite: false };
  return format === 'md-dir' ? openFolderSink(where, MARKDOWN_INDEX_FILE_NAME) : openFileSink(where);
}

export async function runExport(db: ActiveDatabase, params: ExportParams, context: ExportContext = {}): Promise<ExportResult> {
  const started = performance.now();
  const { signal } = context;
  await checkBeforeReading(params, context);
  const plan: ExportPlan = await planExport(db, params.scope, signal);
  throwIfCancelled(signal);

  const download = params.target.kind === 'download' ? context.downloads!.reserve() : null;
  const writing = writingFor(params.format, params.options);
  const meter = createProgressMeter(plan.total, context.progress);
  const sink = await openSink(params, download?.path ?? null);
  let transcripts = 0;
  let messages = 0;
  try {
    await sink.write(writing.begin({ title: plan.title, exportedAt: context.exportedAt ?? new Date().toISOString() }));
    for await (const record of readTranscripts(db, plan, signal, context.read)) {
      transcripts += 1;
      messages += record.messages.length;
      await writing.transcript(sink, record, transcripts);
      meter.tick(transcripts);
    }
    await sink.write(writing.end(transcripts));
    throwIfCancelled(signal);
    await sink.commit();
  } catch (error) {
    await sink.discard();
    throw error;
  }
  meter.finish(transcripts);

  const summary = {
    format: params.format,
    mimeType: writing.mimeType,
    transcripts,
    messages,
    bytes: sink.bytes,
    elapsedMs: Math.round(performance.now() - started),
  };
  if (params.target.kind === 'file') return { ...summary, target: 'file', path: params.target.path, fileName: basename(params.target.path) };

  const fileName = suggestedFileName(params.format, plan.title);
  const entry = context.downloads!.add({ id: download!.id, path: download!.path, fileName, mimeType: writing.mimeType, bytes: summary.bytes });
  return {
    ...summary,
    target: 'download',
    fileName,
    downloadId: entry.id,
    downloadUrl: `${DOWNLOAD_PATH_PREFIX}${entry.id}`,
    expiresAt: new Date(entry.expiresAt).toISOString(),
  };
}
