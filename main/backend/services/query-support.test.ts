import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from './keyset';
import { checkSortCursor, containsPattern, decodeSortCursor, encodeSortCursor, toPlainValue } from './query-support';

describe('containsPattern', () => {
  // A real SQLite LIKE decides what the pattern matches.
  const db = new Database(':memory:');
  const like = (text: string, search: string): boolean =>
    (db.prepare(`SELECT ? LIKE ? ESCAPE '\\' AS hit`).get(text, containsPattern(search)) as { hit: number }).hit === 1;

  it.each([
    ['100% digital', '100%', true],
    ['100 digital', '100%', false],
    ['pix_parcelado', 'x_p', true],
    ['pixoparcelado', 'x_p', false],
    ['a\\b', 'a\\b', true],
    ['ab', 'a\\b', false],
    ['Checkout em um clique', 'CLIQUE', true],
  ])('%j contains %j: %s', (text, search, expected) => {
    expect(like(text, search)).toBe(expected);
  });
});

describe('sort cursors', () => {
  it('accepts no cursor and a cursor of the same sort', () => {
    expect(() => checkSortCursor('experiments:name:asc', undefined, 2)).not.toThrow();
    expect(() => checkSortCursor('experiments:name:asc', encodeSortCursor('experiments:name:asc', ['Onboarding', 'exp_1']), 2)).not.toThrow();
  });

  it('decodes to the plain keyset cursor of the same key values', () => {
    const cursor = encodeSortCursor('experiments:name:asc', ['Onboarding', 'exp_1']);
    expect(decodeSortCursor('experiments:name:asc', cursor, 2)).toBe(encodeCursor(['Onboarding', 'exp_1']));
    expect(decodeSortCursor('experiments:name:asc', undefined, 2)).toBeUndefined();
    expect(() => decodeSortCursor('experiments:name:desc', cursor, 2)).toThrow(expect.objectContaining({ code: 'bad_request' }));
  });

  it('refuses a cursor of another sort, of another length, or not a cursor at all', () => {
    const cursor = encodeSortCursor('experiments:name:asc', ['Onboarding', 'exp_1']);
    for (const [tag, given] of [
      ['experiments:name:desc', cursor],
      ['experiments:name:asc', encodeCursor(['Onboarding', 'exp_1'])],
      ['experiments:name:asc', 'garbage'],
    ] as const) {
      expect(() => checkSortCursor(tag, given, 2)).toThrow(expect.objectContaining({ code: 'bad_request' }));
    }
  });
});

describe('toPlainValue', () => {
  it('turns driver values into plain JSON data', () => {
    expect(toPlainValue({ at: new Date('2026-01-05T14:03:22.000Z'), big: 12n, bytes: Buffer.from('abc'), list: [1, 'a', null], missing: undefined })).toEqual({
      at: '2026-01-05T14:03:22.000Z',
      big: '12',
      bytes: '<3 bytes>',
      list: [1, 'a', null],
      missing: null,
    });
  });
});
