import { describe, expect, it } from 'vitest';
import { PageChain } from './page-chain';

/** A chain that has seen pages of these sizes, each continuing with cursor `c<next index>`, the last one too unless `ended`. */
function chainOf(sizes: number[], ended = false): PageChain {
  const chain = new PageChain();
  sizes.forEach((size, index) => chain.record(index, size, ended && index === sizes.length - 1 ? null : `c${index + 1}`));
  return chain;
}

describe('PageChain', () => {
  it('starts knowing only the first page', () => {
    const chain = new PageChain();
    expect(chain.knownRows).toBe(0);
    expect(chain.complete).toBe(false);
    expect(chain.cursorOf(0)).toBeNull();
    expect(chain.cursorOf(1)).toBeUndefined();
    expect(chain.pagesFor(0, 30)).toEqual([0]);
  });

  it('grows page by page, each next cursor fetching the next page', () => {
    const chain = chainOf([100, 100, 40]);
    expect(chain.knownPages).toBe(3);
    expect(chain.knownRows).toBe(240);
    expect(chain.cursorOf(3)).toBe('c3');
    expect([chain.startOf(0), chain.startOf(1), chain.startOf(2), chain.startOf(3)]).toEqual([0, 100, 200, 240]);
    expect([0, 99, 100, 199, 200, 239].map((row) => chain.pageOfRow(row))).toEqual([0, 0, 1, 1, 2, 2]);
    expect([-1, 240].map((row) => chain.pageOfRow(row))).toEqual([-1, -1]);
  });

  it('holds the pages a range of rows touches, plus the next page when the range passes the end', () => {
    const chain = chainOf([100, 100, 100]);
    expect(chain.pagesFor(120, 150)).toEqual([1]);
    expect(chain.pagesFor(90, 210)).toEqual([0, 1, 2]);
    expect(chain.pagesFor(250, 330)).toEqual([2, 3]);
    expect(chain.pagesFor(400, 450)).toEqual([3]);
  });

  it('stops asking for more once the last page is seen', () => {
    const chain = chainOf([100, 7], true);
    expect(chain.complete).toBe(true);
    expect(chain.knownRows).toBe(107);
    expect(chain.cursorOf(2)).toBeUndefined();
    expect(chain.pagesFor(90, 200)).toEqual([0, 1]);
    // An empty list keeps its one (empty) page in view, to notice when a refetch fills it.
    expect(chainOf([0], true).pagesFor(0, 20)).toEqual([0]);
  });

  it('walks through empty pages (a filter scanning past rows that do not match) without holding them', () => {
    const chain = chainOf([0, 0, 5, 0, 3]);
    expect(chain.knownRows).toBe(8);
    expect([0, 4, 5, 7].map((row) => chain.pageOfRow(row))).toEqual([2, 2, 4, 4]);
    expect(chain.pagesFor(0, 30)).toEqual([2, 4, 5]);
  });

  it('says whether a page told anything new: seeing the same page again does not', () => {
    const chain = chainOf([100]);
    expect(chain.record(0, 100, 'c1')).toBe(false);
    expect(chain.record(1, 100, 'c2')).toBe(true);
    expect(chain.record(1, 100, 'c2')).toBe(false);
    // A page whose cursor is not known yet cannot be recorded.
    expect(chain.record(5, 100, 'c6')).toBe(false);
    expect(chain.knownPages).toBe(2);
  });

  it('moves the later pages when a page comes back with another size', () => {
    const chain = chainOf([100, 100, 100]);
    expect(chain.record(1, 90, 'c2')).toBe(true);
    expect(chain.knownRows).toBe(290);
    expect(chain.startOf(2)).toBe(190);
    expect(chain.pageOfRow(195)).toBe(2);
  });

  it('forgets the pages after one that now ends elsewhere (the data changed)', () => {
    const chain = chainOf([100, 100, 100]);
    expect(chain.record(0, 100, 'other')).toBe(true);
    expect(chain.knownPages).toBe(1);
    expect(chain.cursorOf(1)).toBe('other');
    expect(chain.pagesFor(150, 160)).toEqual([1]);

    const shorter = chainOf([100, 100, 100]);
    expect(shorter.record(1, 100, null)).toBe(true);
    expect(shorter.complete).toBe(true);
    expect(shorter.knownRows).toBe(200);

    const longer = chainOf([100, 50], true);
    expect(longer.record(1, 100, 'c2')).toBe(true);
    expect(longer.complete).toBe(false);
    expect(longer.pagesFor(150, 250)).toEqual([1, 2]);
  });

  it('asks for a page with the size it was first asked for, and forgets that with the pages after a change', () => {
    const chain = chainOf([100, 500, 100]);
    expect(chain.limitFor(0, 100)).toBe(100);
    expect(chain.limitFor(1, 500)).toBe(500);
    expect(chain.limitFor(1, 100)).toBe(500);
    expect(chain.limitFor(2, 100)).toBe(100);
    expect(chain.limitFor(2, 500)).toBe(100);
    // Page 0 now ends elsewhere: the pages after it are other pages, whose sizes are chosen again.
    chain.record(0, 100, 'other');
    expect(chain.limitFor(0, 500)).toBe(100);
    expect(chain.limitFor(1, 100)).toBe(100);
    expect(chain.limitFor(2, 500)).toBe(500);
  });
});
