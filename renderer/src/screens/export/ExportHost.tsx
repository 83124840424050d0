// The one export dialog of the window: any screen opens it with a scope (useOpenExport), and the
// desktop app's File → Export transcripts… opens it through a window event, with the current
// page's scope first when the page named one (usePageExportScope) and everything as the other
// choice.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ExportScope } from '../../../../shared/contract/export';
import { EXPORT_TRANSCRIPTS_EVENT } from '../../app/desktop/DesktopEvents';
import { ExportDialog } from './ExportDialog';

const EVERYTHING: ExportScope = { kind: 'all', includeDeletedExperiments: false };

interface ExportHostValue {
  open(scope: ExportScope): void;
  /** Registers the page's own scope; returns the unregister function. */
  registerPageScope(scope: ExportScope): () => void;
}

const ExportContext = createContext<ExportHostValue | null>(null);

interface OpenDialog {
  /** Shown in this order; the first is chosen. */
  scopes: ExportScope[];
  /** Changes with each opening, so the dialog starts afresh. */
  serial: number;
}

export function ExportHost({ children }: { children: ReactNode }) {
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const serial = useRef(0);
  // The pages' scopes, the latest last (a page mounting after another one's cleanup still wins).
  const pageScopes = useRef<Array<{ scope: ExportScope }>>([]);

  // Focus goes back where it was (the Export… button) when the dialog closes.
  const opener = useRef<HTMLElement | null>(null);
  const show = useCallback((scopes: ExportScope[]) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog({ scopes, serial: ++serial.current });
  }, []);
  const close = useCallback(() => {
    setDialog(null);
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) window.requestAnimationFrame(() => target.focus());
  }, []);
  const open = useCallback((scope: ExportScope) => show([scope]), [show]);
  const registerPageScope = useCallback((scope: ExportScope) => {
    const entry = { scope };
    pageScopes.current.push(entry);
    return () => {
      pageScopes.current = pageScopes.current.filter((candidate) => candidate !== entry);
    };
  }, []);

  useEffect(() => {
    const onCommand = (): void => {
      const page = pageScopes.current.at(-1)?.scope;
      show(page === undefined ? [EVERYTHING] : [page, EVERYTHING]);
    };
    window.addEventListener(EXPORT_TRANSCRIPTS_EVENT, onCommand);
    return () => window.removeEventListener(EXPORT_TRANSCRIPTS_EVENT, onCommand);
  }, [show]);

  const value = useMemo(() => ({ open, registerPageScope }), [open, registerPageScope]);
  return (
    <ExportContext.Provider value={value}>
      {children}
      {dialog && <ExportDialog key={dialog.serial} scopes={dialog.scopes} onClose={close} />}
    </ExportContext.Provider>
  );
}

function useExportHost(): ExportHostValue {
  const host = useContext(ExportContext);
  if (host === null) throw new Error('export actions outside <ExportHost>');
  return host;
}

/** Opens the export dialog for a scope. */
export function useOpenExport(): (scope: ExportScope) => void {
  return useExportHost().open;
}

/** While the calling page is shown, File → Export transcripts… offers its scope first. */
export function usePageExportScope(scope: ExportScope | null): void {
  const { registerPageScope } = useExportHost();
  const key = scope === null ? null : JSON.stringify(scope);
  useEffect(() => {
    if (key === null) return;
    return registerPageScope(JSON.parse(key) as ExportScope);
  }, [key, registerPageScope]);
}
