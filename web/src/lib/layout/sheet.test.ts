import { describe, expect, it } from 'vitest';
import { nextSheetState, sheetHeight, snapSheetState, stepSheetState } from './sheet';

describe('bottom sheet states', () => {
  it('cycles on tap', () => {
    expect(nextSheetState('collapsed')).toBe('half');
    expect(nextSheetState('half')).toBe('full');
    expect(nextSheetState('full')).toBe('collapsed');
  });

  it('steps with arrow keys and stops at the ends', () => {
    expect(stepSheetState('collapsed', 1)).toBe('half');
    expect(stepSheetState('full', 1)).toBe('full');
    expect(stepSheetState('half', -1)).toBe('collapsed');
    expect(stepSheetState('collapsed', -1)).toBe('collapsed');
  });

  it('rests at the handle, half the space, or all of it', () => {
    expect(sheetHeight('collapsed', 700, 56)).toBe(56);
    expect(sheetHeight('half', 700, 56)).toBe(350);
    expect(sheetHeight('full', 700, 56)).toBe(700);
    expect(sheetHeight('half', 80, 56)).toBe(56);
  });

  it('snaps a drag to the nearest resting height', () => {
    expect(snapSheetState(60, 700, 56)).toBe('collapsed');
    expect(snapSheetState(250, 700, 56)).toBe('half');
    expect(snapSheetState(420, 700, 56)).toBe('half');
    expect(snapSheetState(600, 700, 56)).toBe('full');
    expect(snapSheetState(5000, 700, 56)).toBe('full');
  });
});
