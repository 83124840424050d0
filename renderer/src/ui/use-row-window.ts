// Which rows of a list of fixed-height rows are on screen, from the scroller's position and size:
// O(1) whatever the length, so scrolling through a million rows costs what scrolling through ten
// does. The rows sit below a sticky header inside the scroller. The window is re-rendered within
// the scroll event (flushSync), so the rows scrolled in are drawn in the same frame.
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface RowWindow {
  /** First and last row at least partly on screen (first > last while nothing is). */
  first: number;
  last: number;
  /** The most rows ever partly on screen at this height (last - first + 1 never exceeds it). */
  fits: number;
  /** The last scroll went further than a screen (a fling, a jump): rows just off screen are not worth drawing. */
  leaping: boolean;
}

interface Geometry {
  rowHeight: number;
  /** The sticky header above the rows, inside the scroller. */
  headerHeight: number;
}

function windowOf(element: HTMLElement, { rowHeight, headerHeight }: Geometry, before: RowWindow): RowWindow {
  const top = element.scrollTop;
  const rowsHeight = element.clientHeight - headerHeight;
  const first = Math.floor(top / rowHeight);
  const fits = Math.ceil(rowsHeight / rowHeight) + 1;
  return { first, last: Math.ceil((top + rowsHeight) / rowHeight) - 1, fits, leaping: Math.abs(first - before.first) >= fits };
}

const same = (a: RowWindow, b: RowWindow): boolean => a.first === b.first && a.last === b.last && a.fits === b.fits && a.leaping === b.leaping;

export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, geometry: Geometry) {
  const { rowHeight, headerHeight } = geometry;
  const [visible, setVisible] = useState<RowWindow>({ first: 0, last: -1, fits: 0, leaping: false });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element === null) return;
    const update = (sync: boolean): void => {
      const apply = (): void =>
        setVisible((current) => {
          const next = windowOf(element, { rowHeight, headerHeight }, current);
          return same(current, next) ? current : next;
        });
      if (sync) flushSync(apply);
      else apply();
    };
    update(false);
    const onScroll = (): void => update(true);
    const resizes = new ResizeObserver(() => update(false));
    element.addEventListener('scroll', onScroll, { passive: true });
    resizes.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resizes.disconnect();
    };
  }, [scrollRef, rowHeight, headerHeight]);

  /** Scrolls just enough for row `index` to be fully on screen, below the header. */
  const scrollToRow = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (element === null) return;
      const rowTop = index * rowHeight;
      const rowsHeight = element.clientHeight - headerHeight;
      if (rowTop < element.scrollTop) element.scrollTop = rowTop;
      else if (rowTop + rowHeight > element.scrollTop + rowsHeight) element.scrollTop = rowTop + rowHeight - rowsHeight;
    },
    [scrollRef, rowHeight, headerHeight],
  );

  return { visible, scrollToRow };
}
