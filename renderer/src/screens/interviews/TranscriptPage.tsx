// One interview transcript, read as a conversation: who the synth is, which interview it belongs
// to, the messages (normalized by the API: speakers, unwrapped text, internal notes), find in the
// transcript, all notes at once, the messages cell as stored, and copy as Markdown or text.
// `?message=N` scrolls to message N (its index in the stored array) and marks it.
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptDetail } from '../../../../shared/contract/research';
import type { NormalizedMessage } from '../../../../shared/transcript-messages';
import { useApiClient } from '../../api/client-context';
import { apiQuery } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { Avatar } from '../../ui/Avatar';
import { BackButton, useEscapeGoesBack } from '../../ui/BackButton';
import { CopyButton } from '../../ui/CopyButton';
import { useFormatters } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { JsonViewer } from '../../ui/JsonViewer';
import { QueryBoundary } from '../../ui/QueryBoundary';
import { StatusChip } from '../../ui/StatusChip';
import { Timestamp } from '../../ui/Timestamp';
import { ExportButton } from '../export/ExportButton';
import { Conversation, type MessagePart, type PlacedMatch } from './Conversation';
import { FindBar } from './FindBar';
import { findRanges, foldNeedle } from './find-text';
import { executionTitle, transcriptStatusLabel } from './labels';
import { transcriptRoute } from './routes';
import { transcriptMarkdown, transcriptPlainText, type TranscriptCopy } from './transcript-text';
import './interviews.css';

export function TranscriptPage() {
  const { t } = useTranslation();
  const { execId, synthId } = transcriptRoute.useParams();
  const client = useApiClient();
  const options = apiQuery(client, 'research.transcript', { execId, synthId });
  const query = useQuery(options);
  const synthName = query.data ? nameOf(query.data) : null;
  useDocumentTitle(synthName ? t('transcript.title', { name: synthName }) : synthId);
  const execution = { to: '/interviews/$execId', params: { execId } } as const;
  useEscapeGoesBack(execution);

  return (
    <div className="page page--detail transcript-page">
      <BackButton label={query.data?.execution ? executionTitle(query.data.execution) : t('transcript.backToExecution')} fallback={execution} />
      <QueryBoundary
        query={query}
        lines={10}
        queryKey={options.queryKey}
        missing={{ back: execution, label: t('common.backTo', { place: t('transcript.backToExecution') }) }}
      >
        {(transcript) => <TranscriptView transcript={transcript} />}
      </QueryBoundary>
    </div>
  );
}

function nameOf(transcript: TranscriptDetail): string {
  return transcript.synthName ?? transcript.synth?.nome ?? transcript.key.synthId;
}

interface MatchIndex {
  total: number;
  byPart: Map<string, PlacedMatch[]>;
}

const NO_MATCHES: readonly PlacedMatch[] = [];

function TranscriptView({ transcript }: { transcript: TranscriptDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate({ from: transcriptRoute.fullPath });
  const { message: targetIndex, view = 'conversation' } = transcriptRoute.useSearch();
  const { messages, key } = transcript;
  const synthName = nameOf(transcript);

  const withNotes = useMemo(() => messages.filter((message) => message.internalNotes !== null).map((message) => message.index), [messages]);
  const [notesOpen, setNotesOpen] = useState<ReadonlySet<number>>(() => new Set());
  const allNotesOpen = withNotes.length > 0 && withNotes.every((index) => notesOpen.has(index));
  const toggleNotes = useCallback((index: number) => {
    setNotesOpen((open) => {
      const next = new Set(open);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  }, []);

  // ---- find ----
  const [findText, setFindText] = useState('');
  const [currentMatch, setCurrentMatch] = useState(0);
  const needle = foldNeedle(findText);
  const matches = useMemo<MatchIndex>(() => {
    const byPart = new Map<string, PlacedMatch[]>();
    let total = 0;
    const place = (message: NormalizedMessage, part: MessagePart, text: string): void => {
      const ranges = findRanges(text, needle);
      if (ranges.length === 0) return;
      byPart.set(`${message.index}:${part}`, ranges.map((range) => ({ order: total++, range })));
    };
    if (needle !== '' && view === 'conversation') {
      for (const message of messages) {
        place(message, 'text', message.text);
        // Folded notes are not on screen: a match there could not be shown.
        if (message.internalNotes !== null && notesOpen.has(message.index)) place(message, 'notes', message.internalNotes);
      }
    }
    return { total, byPart };
  }, [messages, needle, notesOpen, view]);
  const matchesIn = useCallback((index: number, part: MessagePart) => matches.byPart.get(`${index}:${part}`) ?? NO_MATCHES, [matches]);
  const current = matches.total === 0 ? -1 : Math.min(currentMatch, matches.total - 1);

  useEffect(() => setCurrentMatch(0), [needle]);
  useEffect(() => {
    if (current < 0) return;
    document.querySelector(`[data-match="${current}"]`)?.scrollIntoView({ block: 'center' });
  }, [current, matches]);
  const step = (delta: number): void => {
    if (matches.total === 0) return;
    setCurrentMatch((current + delta + matches.total) % matches.total);
  };

  // ---- ?message=N ----
  const targetMissing = targetIndex !== undefined && !messages.some((message) => message.index === targetIndex);
  useEffect(() => {
    if (targetIndex === undefined || view !== 'conversation') return;
    document.getElementById(`message-${targetIndex}`)?.scrollIntoView({ block: 'center' });
  }, [targetIndex, view]);

  // ---- copy ----
  const copy: TranscriptCopy = {
    title: t('transcript.title', { name: synthName }),
    details: [
      ...(transcript.execution?.experimentName ? [`${t('transcript.experiment')}: ${transcript.execution.experimentName}`] : []),
      `${t('transcript.execution')}: ${key.execId}`,
      `${t('transcript.synthId')}: ${key.synthId}`,
    ],
    messages,
    speakerName: (message) => (message.role === 'interviewer' ? t('transcript.interviewer') : synthName),
    notesShown: (message) => notesOpen.has(message.index),
    notesLabel: t('transcript.notes'),
    emptyText: t('transcript.emptyMessage'),
  };

  const findBox = useRef<HTMLInputElement>(null);
  // Ctrl/Cmd+F and "/" find in the transcript (the page is the document being read).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"], dialog');
      const findKey = event.key.toLowerCase() === 'f' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      if (findKey || (event.key === '/' && !typing)) {
        event.preventDefault();
        if (view !== 'conversation') void navigate({ search: (prev) => ({ ...prev, view: undefined }), replace: true });
        findBox.current?.focus();
        findBox.current?.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, view]);

  return (
    <article className="transcript">
      <TranscriptHeader transcript={transcript} />

      {transcript.problems.length > 0 && (
        <div className="transcript__problems" role="status">
          <Icon name="alert" size={16} />
          <div>
            <p className="transcript__problems-title">{t('transcript.problems')}</p>
            <ul>
              {transcript.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          </div>
        </div>
      )}

      <div className="transcript__toolbar" role="toolbar" aria-label={t('transcript.toolbarLabel')}>
        <FindBar
          inputRef={findBox}
          value={findText}
          onChange={setFindText}
          total={matches.total}
          current={current}
          onStep={step}
          disabled={view !== 'conversation'}
        />
        <div className="transcript__toolbar-group">
          {withNotes.length > 0 ? (
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={allNotesOpen}
              disabled={view !== 'conversation'}
              onClick={() => setNotesOpen(allNotesOpen ? new Set() : new Set(withNotes))}
            >
              <Icon name={allNotesOpen ? 'chevronDown' : 'chevronRight'} size={13} />
              {allNotesOpen ? t('transcript.hideAllNotes') : t('transcript.showAllNotes', { count: withNotes.length, formatted: format.integer(withNotes.length) })}
            </button>
          ) : (
            <span className="muted transcript__no-notes">{t('transcript.noNotes')}</span>
          )}
          <div className="segmented" role="radiogroup" aria-label={t('transcript.viewLabel')}>
            {(['conversation', 'raw'] as const).map((option) => (
              <label key={option} className={`segmented__option${view === option ? ' is-selected' : ''}`}>
                <input
                  type="radio"
                  name="transcript-view"
                  checked={view === option}
                  onChange={() => void navigate({ search: (prev) => ({ ...prev, view: option === 'conversation' ? undefined : option }), replace: true })}
                />
                {t(`transcript.view.${option}`)}
              </label>
            ))}
          </div>
          <CopyButton text={transcriptMarkdown(copy)} label={t('transcript.copyMarkdown')} />
          <CopyButton text={transcriptPlainText(copy)} label={t('transcript.copyText')} />
          <ExportButton scope={{ kind: 'transcript', execId: key.execId, synthId: key.synthId }} page />
        </div>
      </div>

      {targetMissing && <p className="notice transcript__target-missing">{t('transcript.messageMissing', { number: (targetIndex ?? 0) + 1 })}</p>}

      {view === 'conversation' ? (
        <Conversation
          execId={key.execId}
          synthId={key.synthId}
          messages={messages}
          synthName={synthName}
          targetIndex={targetIndex}
          notesOpen={notesOpen}
          onToggleNotes={toggleNotes}
          matchesIn={matchesIn}
          currentMatch={current}
        />
      ) : (
        <RawMessages raw={transcript.rawJson} />
      )}
    </article>
  );
}

function TranscriptHeader({ transcript }: { transcript: TranscriptDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { synth, execution, key } = transcript;
  const about = synth
    ? [synth.age !== null ? t('transcript.age', { age: synth.age }) : null, synth.occupation, [synth.city, synth.state].filter(Boolean).join(', ') || null].filter(Boolean)
    : [];
  return (
    <header className="detail__header transcript__header">
      <div className="transcript__who">
        <Avatar name={nameOf(transcript)} seed={key.synthId} url={synth?.linkPhoto ?? null} size={44} />
        <div>
          <h1 className="page__title">{t('transcript.title', { name: nameOf(transcript) })}</h1>
          <p className="muted">
            {about.length > 0 ? about.join(' · ') : synth === null ? t('transcript.synthMissing', { id: key.synthId }) : null}
            {synth && (
              <>
                {about.length > 0 && ' · '}
                <Link to="/synths/$synthId" params={{ synthId: synth.id }}>
                  {t('transcript.synthProfile')}
                </Link>
              </>
            )}
          </p>
        </div>
      </div>
      <dl className="meta-row">
        {execution?.experimentId && (
          <div>
            <dt>{t('transcript.experiment')}</dt>
            <dd>
              <Link to="/experiments/$experimentId" params={{ experimentId: execution.experimentId }}>
                {execution.experimentName ?? execution.experimentId}
              </Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('transcript.execution')}</dt>
          <dd>
            <Link to="/interviews/$execId" params={{ execId: key.execId }} className="mono">
              {key.execId}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('transcript.status')}</dt>
          <dd>
            <StatusChip status={transcript.status} label={transcriptStatusLabel(t, transcript.status)} />
          </dd>
        </div>
        <div>
          <dt>{t('transcript.turns')}</dt>
          <dd className="numeric">{format.integer(transcript.turnCount)}</dd>
        </div>
        <div>
          <dt>{t('transcript.messages')}</dt>
          <dd className="numeric">{format.integer(transcript.messages.length)}</dd>
        </div>
        <div>
          <dt>{t('transcript.recorded')}</dt>
          <dd>
            <Timestamp value={transcript.timestamp} />
          </dd>
        </div>
        {execution?.model && (
          <div>
            <dt>{t('execution.model')}</dt>
            <dd className="mono">{execution.model}</dd>
          </div>
        )}
        <div>
          <dt>{t('transcript.id')}</dt>
          <dd className={transcript.id ? 'mono' : 'muted'} title={transcript.id ? undefined : t('transcript.noIdHint')}>
            {transcript.id ?? t('transcript.noId')}
          </dd>
        </div>
      </dl>
    </header>
  );
}

function RawMessages({ raw }: { raw: string | null }) {
  const { t } = useTranslation();
  const parsed = useMemo(() => {
    if (raw === null) return null;
    try {
      return { ok: true as const, value: JSON.parse(raw) as unknown };
    } catch (error) {
      return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
    }
  }, [raw]);
  if (raw === null || parsed === null) return <p className="muted">{t('transcript.rawMissing')}</p>;
  if (!parsed.ok) {
    return (
      <div className="json-viewer json-viewer--invalid">
        <div className="json-viewer__toolbar">
          <span className="badge badge--warning">{t('json.invalid')}</span>
          <span className="muted json-viewer__error">{parsed.error}</span>
          <CopyButton text={raw} />
        </div>
        <pre className="json-viewer__raw">{raw}</pre>
      </div>
    );
  }
  return <JsonViewer value={parsed.value} label="transcripts.messages" expandDepth={2} />;
}
