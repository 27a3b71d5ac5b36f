/**
 * Where the home page's list was scrolled, kept across a visit to a venue page: SvelteKit's snapshots
 * capture it when the page is left and restore it when the person comes back through history. The
 * list scrolls itself on wide screens and inside the bottom sheet's body on phones, so both are kept.
 * The venues are fetched again on the way back, so the restore waits until the list is long enough.
 */

/** Scroll offsets of the list (`#results`) and of the element around it, in that order. */
export interface ListPosition {
  scrolls: number[];
}

function scrollers(): HTMLElement[] {
  const list = document.getElementById('results');
  return list ? [list, list.parentElement].filter((el): el is HTMLElement => el !== null) : [];
}

/** The list's scroll offsets now. */
export function captureListPosition(): ListPosition {
  return { scrolls: scrollers().map((el) => el.scrollTop) };
}

/**
 * Scrolls the list back to `position` once its content is tall enough, giving up after `timeoutMs`
 * (the list may honestly be shorter now). Stops early when the person scrolls first.
 */
export function restoreListPosition(position: ListPosition, timeoutMs = 10_000): void {
  const started = performance.now();
  const step = () => {
    const elements = scrollers();
    let pending = false;
    position.scrolls.forEach((top, i) => {
      const el = elements[i];
      if (!el || top === 0 || el.scrollTop === top) return;
      if (el.scrollHeight - el.clientHeight >= top) el.scrollTop = top;
      else pending = true;
    });
    if (pending && performance.now() - started < timeoutMs) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}
