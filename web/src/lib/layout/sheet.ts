/**
 * Pure rules of the phone's bottom sheet: its three resting heights and how a tap, a key or a drag
 * moves between them.
 */

/** Collapsed shows only the handle and the count; half shares the screen with the map; full covers it. */
export type SheetState = 'collapsed' | 'half' | 'full';

const ORDER: readonly SheetState[] = ['collapsed', 'half', 'full'];

/** A tap on the handle: collapsed → half → full → collapsed. */
export function nextSheetState(state: SheetState): SheetState {
  return ORDER[(ORDER.indexOf(state) + 1) % ORDER.length] ?? 'collapsed';
}

/** Arrow keys: up (+1) opens one step, down (−1) closes one step, stopping at the ends. */
export function stepSheetState(state: SheetState, direction: 1 | -1): SheetState {
  const index = Math.min(ORDER.length - 1, Math.max(0, ORDER.indexOf(state) + direction));
  return ORDER[index] ?? state;
}

/** Resting height in pixels of each state, given the space the sheet can fill and its handle's height. */
export function sheetHeight(state: SheetState, available: number, handle: number): number {
  if (state === 'collapsed') return handle;
  if (state === 'half') return Math.max(handle, Math.round(available / 2));
  return available;
}

/** The state to settle in after a drag ends at `height`: whichever resting height is nearest. */
export function snapSheetState(height: number, available: number, handle: number): SheetState {
  let best: SheetState = 'collapsed';
  for (const state of ORDER) {
    const distance = Math.abs(sheetHeight(state, available, handle) - height);
    if (distance < Math.abs(sheetHeight(best, available, handle) - height)) best = state;
  }
  return best;
}
