// Where each keyset page of a long list sits: the cursor that fetches it, how many rows it holds
// and so the row it starts at. A keyset cursor only comes from the page before, so the list grows
// one page at a time at its end; but once a page has been seen its cursor and size stay known
// here, with the size it was asked for, so the page itself can be dropped from memory and
// fetched again, directly and with the same rows, when the researcher scrolls back to it. Recording a page costs O(1) (O(pages) only when a page came
// back with another size, i.e. the data changed under us); finding a row's page is a binary search.

export class PageChain {
  /** cursors[i] fetches page i (null: the first page). Known up to the first page not seen yet. */
  private readonly cursors: (string | null)[] = [null];
  /** Rows of each page seen so far. */
  private readonly sizes: number[] = [];
  /** starts[i]: the list row page i starts at; starts[sizes.length] is the number of rows known. */
  private readonly starts: number[] = [0];
  /** limits[i]: the page size page i was first asked for with (a refetch must ask for the same rows). */
  private readonly limits: number[] = [];
  private ended = false;

  /** Pages seen so far, from the first on. */
  get knownPages(): number {
    return this.sizes.length;
  }

  /** Rows in the pages seen so far. */
  get knownRows(): number {
    return this.starts[this.sizes.length] ?? 0;
  }

  /** The last page (no next cursor) has been seen: knownRows is the length of the list. */
  get complete(): boolean {
    return this.ended;
  }

  /** The cursor fetching page `index`; undefined while the page before it has not been seen. */
  cursorOf(index: number): string | null | undefined {
    return this.cursors[index];
  }

  /** The page size to ask page `index` for: the one it was first asked for, or else `wanted`, from now on its own. */
  limitFor(index: number, wanted: number): number {
    const chosen = this.limits[index];
    if (chosen !== undefined) return chosen;
    this.limits[index] = wanted;
    return wanted;
  }

  /** The list row page `index` starts at. */
  startOf(index: number): number {
    return this.starts[Math.min(index, this.sizes.length)] ?? 0;
  }

  /**
   * Records what page `index` held. True when that told something new: its size (first seen, or
   * changed) or where the list goes on. A page ending elsewhere than before means the data changed:
   * the pages after it are forgotten.
   */
  record(index: number, rowCount: number, nextCursor: string | null): boolean {
    if (index < 0 || index > this.sizes.length || this.cursors[index] === undefined) return false;
    let changed = false;
    if (index === this.sizes.length) {
      this.sizes.push(rowCount);
      this.starts.push((this.starts[index] ?? 0) + rowCount);
      changed = true;
    } else if (this.sizes[index] !== rowCount) {
      this.sizes[index] = rowCount;
      for (let page = index; page < this.sizes.length; page += 1) this.starts[page + 1] = (this.starts[page] ?? 0) + (this.sizes[page] ?? 0);
      changed = true;
    }
    const continues = nextCursor !== null;
    const known = this.cursors[index + 1];
    if (continues ? known !== nextCursor : !this.ended || this.sizes.length > index + 1) {
      this.truncateAfter(index);
      if (continues) this.cursors.push(nextCursor);
      this.ended = !continues;
      changed = true;
    }
    return changed;
  }

  /** The page holding list row `row`; -1 outside the rows known. */
  pageOfRow(row: number): number {
    if (row < 0 || row >= this.knownRows) return -1;
    // The last page starting at or before the row: empty pages share their start with the next one.
    let low = 0;
    let high = this.sizes.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= row) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /**
   * The pages to hold for list rows first..last: every page seen that holds one of them, and the
   * next page to fetch when the range reaches past the rows known (an empty list: its first page).
   */
  pagesFor(first: number, last: number): number[] {
    const known = this.knownRows;
    // An empty list still watches its first page: a refetch (new data loaded) may fill it.
    if (known === 0 && this.ended) return [0];
    const pages: number[] = [];
    if (known > 0 && last >= 0 && first < known) {
      const from = this.pageOfRow(Math.max(0, first));
      const to = this.pageOfRow(Math.min(last, known - 1));
      for (let page = from; page <= to; page += 1) if ((this.sizes[page] ?? 0) > 0) pages.push(page);
    }
    if (!this.ended && last >= known) pages.push(this.sizes.length);
    return pages;
  }

  private truncateAfter(index: number): void {
    this.cursors.length = index + 1;
    this.sizes.length = Math.min(this.sizes.length, index + 1);
    this.starts.length = this.sizes.length + 1;
    this.limits.length = Math.min(this.limits.length, index + 1);
  }
}
