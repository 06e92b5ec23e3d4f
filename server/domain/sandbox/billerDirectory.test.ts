import { describe, expect, it } from 'vitest';
import { BILLERS, MAX_BILLER_RESULTS, billerById, searchBillers } from './billerDirectory';

describe('biller directory', () => {
  it('ships about thirty billers with unique ids', () => {
    expect(BILLERS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BILLERS.map((b) => b.id)).size).toBe(BILLERS.length);
  });
  it('finds a biller by the start of any word, ignoring case', () => {
    expect(searchBillers('veri').map((b) => b.id)).toEqual(['verizon_wireless']);
    expect(searchBillers('WIRELESS').map((b) => b.id)).toEqual(['verizon_wireless']);
  });
  it('requires every query word to match', () => {
    expect(searchBillers('duke energy').map((b) => b.id)).toEqual(['duke_energy']);
    expect(searchBillers('duke water')).toEqual([]);
  });
  it('ignores punctuation such as the ampersand in AT&T', () => {
    expect(searchBillers('at&t').map((b) => b.id)).toContain('att');
    expect(searchBillers('att').map((b) => b.id)).toContain('att');
  });
  it('returns at most 20 results, also for an empty query', () => {
    expect(searchBillers('').length).toBe(MAX_BILLER_RESULTS);
  });
  it('looks billers up by id', () => {
    expect(billerById('geico')?.name).toBe('GEICO');
    expect(billerById('nope')).toBeUndefined();
  });
});
