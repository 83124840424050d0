// The window's frame: sidebar, top bar (command palette trigger and connection badge), the
// desktop app's notices (nothing in serve mode) and the current route's screen.
import { Outlet } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { CommandPalette } from './CommandPalette';
import { ConnectionBadge } from './ConnectionBadge';
import { DesktopEvents } from './desktop/DesktopEvents';
import { Sidebar } from './Sidebar';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Shell() {
  const { t } = useTranslation();
  const [paletteOpen, setPaletteOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key.toLowerCase() === 'k' && (isMac ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Sidebar />
      <div className="shell__main">
        <header className="topbar">
          <button type="button" className="palette-trigger" onClick={() => setPaletteOpen(true)} aria-haspopup="dialog">
            <Icon name="search" size={15} />
            <span>{t('palette.trigger')}</span>
            <kbd>{isMac ? '⌘K' : 'Ctrl K'}</kbd>
          </button>
          <ConnectionBadge />
        </header>
        <DesktopEvents />
        <main id="main" className="shell__content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      {paletteOpen && <CommandPalette onClose={() => setPaletteOpen(false)} />}
    </div>
  );
}
