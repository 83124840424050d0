// Where desktop exports may go: the save dialog's options for each format, extensions added to
// names typed without one, and that only places the dialog returned can later be revealed or
// printed to.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfSourceHtmlPath, type ExportTargetRequest } from '../../../shared/desktop-bridge';
import { isAppError } from '../../../shared/errors';
import { makeTempDir } from '../test-support/tmp';
import { chooseExportTarget, exportSaveDialog, ExportTargets, safeFileName, withFormatExtension, type ExportDialogs, type ExportSaveDialog } from './export-targets';

let temp: { dir: string; cleanup: () => void };
beforeEach(() => {
  temp = makeTempDir('slb-export-targets-');
});
afterEach(() => temp.cleanup());

/** Stand-in dialogs: answer what the user would type, and record what was asked. */
function dialogs(answer: string | null, replace = true): ExportDialogs & { shown: ExportSaveDialog[]; replaceAsked: string[] } {
  const shown: ExportSaveDialog[] = [];
  const replaceAsked: string[] = [];
  return {
    shown,
    replaceAsked,
    save: async (options) => {
      shown.push(options);
      return answer;
    },
    confirmReplace: async (path) => {
      replaceAsked.push(path);
      return replace;
    },
  };
}

describe('the export save dialog', () => {
  it('offers the suggested name with the format’s extension, in the given folder, filtered by format', () => {
    const csv = exportSaveDialog('csv', 'transcripts-exec-1a2b.csv', '/home/ana/Documents');
    expect(csv.defaultPath).toBe('/home/ana/Documents/transcripts-exec-1a2b.csv');
    expect(csv.filters).toEqual([{ name: 'CSV (spreadsheet)', extensions: ['csv'] }]);
    expect(csv.properties).toContain('showOverwriteConfirmation');
    expect(exportSaveDialog('pdf', 'transcripts-exec-1a2b', '/tmp').defaultPath).toBe('/tmp/transcripts-exec-1a2b.pdf');
    const folder = exportSaveDialog('md-dir', 'transcripts-exec-1a2b', '/tmp');
    expect(folder.defaultPath).toBe('/tmp/transcripts-exec-1a2b');
    expect(folder.filters).toEqual([]);
  });

  it('keeps only the last part of a suggested name, without characters file systems refuse', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\win.ini')).toBe('win.ini');
    expect(safeFileName('a:b*c?"d<e>|f\u0001.csv')).toBe('abcdef.csv');
    expect(safeFileName('..')).toBe('transcripts');
    expect(safeFileName('/')).toBe('transcripts');
    expect(exportSaveDialog('json', '../../secret', '/home/ana').defaultPath).toBe('/home/ana/secret.json');
  });

  it('adds an extension only where the name has none of the format’s', () => {
    expect(withFormatExtension('md', '/a/notes')).toBe('/a/notes.md');
    expect(withFormatExtension('md', '/a/notes.markdown')).toBe('/a/notes.markdown');
    expect(withFormatExtension('html', '/a/page.HTM')).toBe('/a/page.HTM');
    expect(withFormatExtension('csv', '/a/table.txt')).toBe('/a/table.txt.csv');
    expect(withFormatExtension('md-dir', '/a/folder.v2')).toBe('/a/folder.v2');
  });
});

describe('choosing an export target', () => {
  const request: ExportTargetRequest = { format: 'csv', suggestedName: 'transcripts.csv' };

  it('returns and remembers what the dialog returned, and starts the next dialog in that folder', async () => {
    const targets = new ExportTargets();
    const first = dialogs(join(temp.dir, 'out.csv'));
    expect(await chooseExportTarget(request, first, targets, '/home/ana/Documents')).toBe(join(temp.dir, 'out.csv'));
    expect(first.shown[0]?.defaultPath).toBe('/home/ana/Documents/transcripts.csv');
    expect(targets.formatOf(join(temp.dir, 'out.csv'))).toBe('csv');

    const second = dialogs(null);
    expect(await chooseExportTarget(request, second, targets, '/home/ana/Documents')).toBeNull();
    expect(second.shown[0]?.defaultPath).toBe(join(temp.dir, 'transcripts.csv'));
  });

  it('adds the extension to a name typed without one, and asks before replacing the file that names', async () => {
    const targets = new ExportTargets();
    expect(await chooseExportTarget(request, dialogs(join(temp.dir, 'fresh')), targets, temp.dir)).toBe(join(temp.dir, 'fresh.csv'));

    writeFileSync(join(temp.dir, 'taken.csv'), 'old');
    const refused = dialogs(join(temp.dir, 'taken'), false);
    expect(await chooseExportTarget(request, refused, targets, temp.dir)).toBeNull();
    expect(refused.replaceAsked).toEqual([join(temp.dir, 'taken.csv')]);
    expect(targets.formatOf(join(temp.dir, 'taken.csv'))).toBeUndefined();

    const agreed = dialogs(join(temp.dir, 'taken'), true);
    expect(await chooseExportTarget(request, agreed, targets, temp.dir)).toBe(join(temp.dir, 'taken.csv'));

    // The dialog itself asked about a file the user picked with its extension: no second question.
    const picked = dialogs(join(temp.dir, 'taken.csv'));
    expect(await chooseExportTarget(request, picked, targets, temp.dir)).toBe(join(temp.dir, 'taken.csv'));
    expect(picked.replaceAsked).toEqual([]);
  });
});

describe('what may be revealed and printed to', () => {
  it('reveals chosen places and files inside a chosen Markdown folder, nothing else', async () => {
    const targets = new ExportTargets();
    await chooseExportTarget({ format: 'json', suggestedName: 'x.json' }, dialogs('/data/export.json'), targets, '/data');
    await chooseExportTarget({ format: 'md-dir', suggestedName: 'notes' }, dialogs('/data/notes'), targets, '/data');
    expect(targets.mayReveal('/data/export.json')).toBe(true);
    expect(targets.mayReveal('/data/./export.json')).toBe(true);
    expect(targets.mayReveal('/data/notes')).toBe(true);
    expect(targets.mayReveal('/data/notes/001-ana.md')).toBe(true);
    expect(targets.mayReveal('/data/notes/../secret.txt')).toBe(false);
    expect(targets.mayReveal('/data/notes-other/a.md')).toBe(false);
    expect(targets.mayReveal('/data/export.json/inside')).toBe(false);
    expect(targets.mayReveal('/etc/passwd')).toBe(false);
    expect(targets.mayReveal('export.json')).toBe(false);
    expect(targets.mayReveal('/data/export.json\0')).toBe(false);
  });

  it('prints only to a PDF chosen in the dialog, from the HTML beside it', async () => {
    const targets = new ExportTargets();
    await chooseExportTarget({ format: 'pdf', suggestedName: 'r.pdf' }, dialogs('/data/report.pdf'), targets, '/data');
    await chooseExportTarget({ format: 'html', suggestedName: 'r.html' }, dialogs('/data/page.html'), targets, '/data');
    const ok = { htmlPath: pdfSourceHtmlPath('/data/report.pdf'), pdfPath: '/data/report.pdf' };
    expect(targets.checkPrint(ok)).toEqual(ok);

    const refusals = [
      { htmlPath: pdfSourceHtmlPath('/data/other.pdf'), pdfPath: '/data/other.pdf' }, // never chosen
      { htmlPath: pdfSourceHtmlPath('/data/page.html'), pdfPath: '/data/page.html' }, // chosen, but not as a PDF
      { htmlPath: '/home/ana/.ssh/notes.html', pdfPath: '/data/report.pdf' }, // some other HTML
      { htmlPath: '.report.pdf.print.html', pdfPath: 'report.pdf' }, // relative
    ];
    for (const request of refusals) {
      const error = (() => {
        try {
          targets.checkPrint(request);
          return null;
        } catch (caught) {
          return caught;
        }
      })();
      expect(isAppError(error) && error.code, JSON.stringify(request)).toBe('bad_request');
    }
  });

  it('forgets the oldest places past two hundred', async () => {
    const targets = new ExportTargets();
    for (let i = 0; i < 201; i += 1) targets.remember(`/data/export-${i}.csv`, 'csv');
    expect(targets.mayReveal('/data/export-0.csv')).toBe(false);
    expect(targets.mayReveal('/data/export-1.csv')).toBe(true);
    expect(targets.mayReveal('/data/export-200.csv')).toBe(true);
  });
});
