// cutSqliteCell must cut exactly where SQLite's own substr() cuts and report what length() counts,
// so a SQLite page shows the same cells as when the cut ran in SQL.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cutSqliteCell } from './columns';

const TEXTS = ['', 'abc', 'abcdef', 'ação', 'coração em pedaços', '😀😀😀😀😀😀', 'a😀b😀c😀d', '👩‍👩‍👧 família', 'x'.repeat(10), 'ç'.repeat(7)];

describe('cutSqliteCell', () => {
  const db = new Database(':memory:');
  const sqlite = db.prepare<[string, number, string]>('SELECT substr(?, 1, ?) AS head, length(?) AS length');

  for (const max of [1, 3, 5, 6]) {
    it(`cuts text at ${max} characters as SQLite's substr and length do`, () => {
      for (const text of TEXTS) {
        const { head, length } = sqlite.get(text, max, text) as { head: string; length: number };
        const cut = cutSqliteCell(text, max);
        expect(cut.value, JSON.stringify(text)).toBe(head);
        expect(cut.length, JSON.stringify(text)).toBe(length > max ? length : null);
      }
    });
  }

  it('shows a blob as hex of its first maxChars/2 bytes, with its byte length when cut', () => {
    const blob = Buffer.from([0, 255, 16, 32, 64]);
    expect(cutSqliteCell(blob, 4)).toEqual({ value: '\\x00ff', length: 5 });
    expect(cutSqliteCell(blob, 10)).toEqual({ value: '\\x00ff102040', length: null });
  });

  it('leaves numbers and NULL alone', () => {
    expect(cutSqliteCell(12345678901, 3)).toEqual({ value: 12345678901, length: null });
    expect(cutSqliteCell(null, 3)).toEqual({ value: null, length: null });
  });
});
