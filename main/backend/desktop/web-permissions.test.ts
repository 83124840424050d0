import { describe, expect, it } from 'vitest';
import { mayUsePermission } from './web-permissions';

describe('web permissions of the desktop app', () => {
  it('lets the app’s own top frame write to the clipboard (the Copy buttons)', () => {
    for (const requestingUrl of ['app://synthlab', 'app://synthlab/', 'app://synthlab/index.html#/experiments/exp_1']) {
      expect(mayUsePermission({ permission: 'clipboard-sanitized-write', requestingUrl, isMainFrame: true }, null)).toBe(true);
    }
    expect(mayUsePermission({ permission: 'clipboard-sanitized-write', requestingUrl: 'http://localhost:5173/', isMainFrame: true }, 'http://localhost:5173')).toBe(true);
  });

  it('refuses the clipboard to anyone else, and every other permission to everyone', () => {
    const refused = [
      { permission: 'clipboard-sanitized-write', requestingUrl: 'app://synthlab/', isMainFrame: false },
      { permission: 'clipboard-sanitized-write', requestingUrl: 'https://example.com/', isMainFrame: true },
      { permission: 'clipboard-sanitized-write', requestingUrl: 'app://print/x.html', isMainFrame: true },
      { permission: 'clipboard-sanitized-write', requestingUrl: 'http://localhost:5173/', isMainFrame: true }, // no dev server in this build
      { permission: 'clipboard-read', requestingUrl: 'app://synthlab/', isMainFrame: true },
      { permission: 'media', requestingUrl: 'app://synthlab/', isMainFrame: true },
      { permission: 'notifications', requestingUrl: 'app://synthlab/', isMainFrame: true },
      { permission: 'geolocation', requestingUrl: 'app://synthlab/', isMainFrame: true },
      { permission: 'openExternal', requestingUrl: 'app://synthlab/', isMainFrame: true },
    ];
    for (const ask of refused) expect(mayUsePermission(ask, null), JSON.stringify(ask)).toBe(false);
  });
});
