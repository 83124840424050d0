// Ctrl/Cmd+K: jump to a screen, or to an experiment, synth, execution or exploration by name or
// id. Every screen's palette sources are asked in parallel (stale answers are cancelled as the
// text changes); arrows move, Enter goes, Esc closes.
import { useQueries } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { useApiClient } from '../api/client-context';
import { ErrorNotice } from '../ui/feedback';
import { Icon } from '../ui/Icon';
import { useDebounced } from '../ui/use-debounced';
import type { PaletteItem } from './palette';
import { useScreens } from './screen';

interface Group {
  id: string;
  heading: string;
  items: PaletteItem[];
  loading: boolean;
  error: AppError | null;
}

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApiClient();
  const screens = useScreens();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const query = useDebounced(text.trim(), 160);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const sources = useMemo(() => screens.flatMap((screen) => screen.palette), [screens]);
  const answers = useQueries({
    queries: sources.map((source) => ({
      queryKey: ['palette', source.id, query] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) => source.search(client, query, signal),
      enabled: query.length >= source.minLength,
      staleTime: 30_000,
      retry: false,
    })),
  });

  const lower = text.trim().toLowerCase();
  const groups: Group[] = [
    {
      id: 'screens',
      heading: t('palette.goTo'),
      items: screens
        .map((screen) => ({ key: screen.id, title: t(`nav.${screen.id}`), target: { to: screen.to } }))
        .filter((item) => lower === '' || item.title.toLowerCase().includes(lower)),
      loading: false,
      error: null,
    },
    ...sources.map((source, index) => {
      const answer = answers[index];
      const asked = query.length >= source.minLength;
      return {
        id: source.id,
        heading: source.heading(t),
        items: asked ? (answer?.data ?? []) : [],
        loading: asked && (answer?.isFetching ?? false),
        error: asked ? (answer?.error ?? null) : null,
      };
    }),
  ];
  const flat = groups.flatMap((group) => group.items.map((item) => ({ group: group.id, item })));
  const active = Math.min(activeIndex, Math.max(0, flat.length - 1));

  useEffect(() => setActiveIndex(0), [query]);
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const choose = (item: PaletteItem): void => {
    onClose();
    void navigate(item.target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') setActiveIndex((active + 1) % Math.max(1, flat.length));
    else if (event.key === 'ArrowUp') setActiveIndex((active - 1 + flat.length) % Math.max(1, flat.length));
    else if (event.key === 'Enter') {
      const chosen = flat[active];
      if (chosen) choose(chosen.item);
    } else return;
    event.preventDefault();
  };

  const anyLoading = groups.some((group) => group.loading);
  let position = -1;
  return (
    <dialog
      ref={dialogRef}
      className="dialog-surface palette"
      aria-label={t('palette.title')}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) onClose();
      }}
    >
      <div className="palette__input-row">
        <Icon name="search" size={17} />
        <input
          className="palette__input"
          autoFocus
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('palette.placeholder')}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={flat.length > 0 ? `${listId}-${active}` : undefined}
          aria-autocomplete="list"
        />
        {anyLoading && <span className="spinner spinner--inline" aria-label={t('common.loading')} />}
      </div>
      <div className="palette__results" id={listId} role="listbox" aria-label={t('palette.results')}>
        {groups.map((group) => {
          if (group.items.length === 0 && group.error === null) return null;
          return (
            <div key={group.id} role="group" aria-label={group.heading} className="palette__group">
              <div className="palette__heading" aria-hidden="true">
                {group.heading}
              </div>
              {group.error && <ErrorNotice compact error={group.error} />}
              {group.items.map((item) => {
                position += 1;
                const index = position;
                return (
                  <div
                    key={`${group.id}:${item.key}`}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className={`palette__item${index === active ? ' is-active' : ''}`}
                    onMouseMove={() => setActiveIndex(index)}
                    onClick={() => choose(item)}
                  >
                    <span className="palette__item-title">{item.title}</span>
                    {item.subtitle && <span className="palette__item-subtitle">{item.subtitle}</span>}
                  </div>
                );
              })}
            </div>
          );
        })}
        {flat.length === 0 && !anyLoading && <p className="palette__empty">{query === '' ? t('palette.hint') : t('palette.nothing', { text: query })}</p>}
      </div>
      <footer className="palette__footer">
        <span>
          <kbd>↑</kbd>
          <kbd>↓</kbd> {t('palette.keysMove')}
        </span>
        <span>
          <kbd>Enter</kbd> {t('palette.keysOpen')}
        </span>
        <span>
          <kbd>Esc</kbd> {t('palette.keysClose')}
        </span>
      </footer>
    </dialog>
  );
}
