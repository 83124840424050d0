// Rules for every web contents the app ever creates (Electron's security checklist): no
// navigation away from the app, no new windows (web links from the app's own page open in the
// system browser), no <webview>, and no permission but the clipboard write the Copy buttons need.
import { app, session, shell, type WebContents } from 'electron';
import { isExternalWebUrl, isTrustedPageUrl } from '../backend/desktop/app-protocol';
import { mayUsePermission } from '../backend/desktop/web-permissions';

export function lockDown(devServerOrigin: string | null): void {
  const trusted = (url: string): boolean => isTrustedPageUrl(url, devServerOrigin);
  /** Only the app's own page may hand a link to the browser (not the PDF printer's page, not a frame). */
  const openOutside = (contents: WebContents, url: string): void => {
    if (isExternalWebUrl(url) && trusted(contents.getURL())) void shell.openExternal(url);
  };

  // Both handlers: most web APIs check first and only ask when the check says no.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(mayUsePermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, devServerOrigin)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    mayUsePermission({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame }, devServerOrigin),
  );

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(contents, url);
      return { action: 'deny' };
    });
    // Links and `location` changes of the top frame (renderer-initiated only: the app's own
    // loadURL and reloads do not come here).
    contents.on('will-navigate', (event) => {
      if (trusted(event.url)) return;
      event.preventDefault();
      openOutside(contents, event.url);
    });
    // Every frame (the top one again, when will-navigate let it through) and every redirect:
    // never leave the app, never hand a redirect target to the browser.
    contents.on('will-frame-navigate', (event) => {
      if (!trusted(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!trusted(event.url)) event.preventDefault();
    });
  });
}
