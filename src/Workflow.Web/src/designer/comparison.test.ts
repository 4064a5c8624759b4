import { expect, test } from 'vitest';
import { comparisonOf } from './comparison';

test('nothing to compare with fewer than two versions', () => {
  expect(comparisonOf([], {})).toBeNull();
  expect(comparisonOf([1], { from: 1, to: 1 })).toBeNull();
});

test('by default the newest against the one before it', () => {
  expect(comparisonOf([1, 3, 2], {})).toEqual({ from: 2, to: 3 });
});

test('any two picks, in either direction, are kept', () => {
  expect(comparisonOf([1, 2, 3], { from: 3, to: 1 })).toEqual({ from: 3, to: 1 });
  expect(comparisonOf([1, 2, 3], { from: 1 })).toEqual({ from: 1, to: 3 });
});

test('a pick that is no longer a version falls back to the default', () => {
  expect(comparisonOf([1, 2], { from: 7, to: 1 })).toEqual({ from: 1, to: 1 });
  expect(comparisonOf([1, 2], { to: 9 })).toEqual({ from: 1, to: 2 });
});
