// One synth: who they are (avatar, description, demographics, interests, cognitive contract,
// disabilities, observables or Big Five, older columns), then what happened to them (outcomes in
// analyses, interview transcripts). An id that synths does not hold but outcomes or transcripts
// name still shows that activity.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SynthDetail as Synth } from '../../../../shared/contract/synths';
import { useApiClient } from '../../api/client-context';
import { apiQuery } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { Avatar } from '../../ui/Avatar';
import { BackButton, useEscapeGoesBack } from '../../ui/BackButton';
import { CopyButton } from '../../ui/CopyButton';
import { JsonCellViewer } from '../../ui/JsonViewer';
import { QueryBoundary } from '../../ui/QueryBoundary';
import { Timestamp } from '../../ui/Timestamp';
import { synthDetailRoute } from './routes';
import { SynthActivity } from './SynthActivity';
import { SynthProfileCards } from './SynthProfileCards';
import './synths.css';

const SYNTHS_LIST = { to: '/synths' } as const;

export function SynthDetail() {
  const { t } = useTranslation();
  const { synthId } = synthDetailRoute.useParams();
  const client = useApiClient();
  const options = apiQuery(client, 'synths.get', { id: synthId });
  const query = useQuery(options);
  useDocumentTitle(query.data?.nome ?? synthId);
  useEscapeGoesBack(SYNTHS_LIST);

  return (
    <div className="page page--detail">
      <BackButton label={t('nav.synths')} fallback={SYNTHS_LIST} />
      <QueryBoundary
        query={query}
        lines={6}
        queryKey={options.queryKey}
        // Outcomes and transcripts may name a synth the synths table no longer has: show what they know.
        missing={() => (
          <article className="detail">
            <header className="detail__header">
              <h1 className="page__title mono">{synthId}</h1>
              <p className="muted">{t('synths.notInSynths')}</p>
            </header>
            <SynthActivity synthId={synthId} />
          </article>
        )}
      >
        {(synth) => <SynthView synth={synth} />}
      </QueryBoundary>
    </div>
  );
}

function SynthView({ synth }: { synth: Synth }) {
  const { t } = useTranslation();
  const name = synth.nome ?? synth.id;
  return (
    <article className="detail synth-detail">
      <header className="synth-header">
        <Avatar name={name} seed={synth.id} url={synth.profile.avatarUrl} size={72} />
        <div className="synth-header__text">
          <h1 className="page__title">{name}</h1>
          <dl className="meta-row">
            <div>
              <dt>{t('synths.detail.id')}</dt>
              <dd className="mono">
                {synth.id} <CopyButton text={synth.id} />
              </dd>
            </div>
            <div>
              <dt>{t('synths.detail.version')}</dt>
              <dd className="mono">{synth.version ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('synths.detail.group')}</dt>
              <dd>
                {synth.group ? (
                  <Link to="/synths" search={{ group: synth.group.id }} title={synth.group.description ?? undefined}>
                    {synth.group.name ?? synth.group.id}
                  </Link>
                ) : (
                  <span className="muted">{t('synths.detail.noGroup')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('synths.detail.created')}</dt>
              <dd>
                <Timestamp value={synth.createdAt} />
              </dd>
            </div>
          </dl>
        </div>
      </header>

      <section className="prose-section synth-description">
        <h2 className="visually-hidden">{t('synths.detail.description')}</h2>
        {synth.descricao ? <p className="prose">{synth.descricao}</p> : <p className="muted">{t('synths.detail.noDescription')}</p>}
        {synth.avatarPath && <p className="muted synth-avatar-path">{t('synths.detail.avatarPath', { path: synth.avatarPath })}</p>}
      </section>

      {synth.profile.source !== 'data' && (
        <p className="notice-line">{synth.profile.source === 'legacy_columns' ? t('synths.detail.profileFromLegacy') : t('synths.detail.profileNone')}</p>
      )}

      <SynthProfileCards synth={synth} />
      <SynthActivity synthId={synth.id} />

      {synth.data !== null && (
        <details className="synth-raw">
          <summary>{t('synths.detail.rawData')}</summary>
          <JsonCellViewer cell={synth.data} label="synths.data" />
        </details>
      )}
    </article>
  );
}
