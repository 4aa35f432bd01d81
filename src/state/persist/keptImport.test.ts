import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeStorage } from './fakeStorage';
import { presetById } from '../../core/presets';
import { keepImport, keptImportFor } from './keptImport';

const scenario = presetById('worked-example')!.scenario;

describe('an imported scenario kept for a reload', () => {
  beforeEach(() => {
    (globalThis as { sessionStorage?: Storage }).sessionStorage = fakeStorage();
  });
  afterEach(() => {
    delete (globalThis as { sessionStorage?: Storage }).sessionStorage;
  });

  it('comes back for the same URL only', () => {
    expect(keepImport('?step=f2', { name: 'lab', scenario })).toBe(true);
    const kept = keptImportFor('?step=f2');
    expect(kept?.name).toBe('lab');
    expect(kept?.scenario.params).toEqual(scenario.params);
    expect(keptImportFor('?step=f3')).toBeNull();
    // Stepping on moves the URL it is kept for.
    expect(keepImport('?step=f3', { name: 'lab', scenario })).toBe(true);
    expect(keptImportFor('?step=f3')).not.toBeNull();
    expect(keptImportFor('?step=f2')).toBeNull();
  });

  it('is validated when read back, and refused storage answers false', () => {
    sessionStorage.setItem('unrolled.imported.search', '?x');
    sessionStorage.setItem('unrolled.imported.scenario', '{"name":"x","scenario":{"params":1}}');
    expect(keptImportFor('?x')).toBeNull();
    sessionStorage.setItem('unrolled.imported.scenario', 'not json');
    expect(keptImportFor('?x')).toBeNull();
    (globalThis as { sessionStorage?: Storage }).sessionStorage = fakeStorage(10);
    const other = { ...scenario, notes: 'another' };
    expect(keepImport('?y', { name: 'lab', scenario: other })).toBe(false);
    delete (globalThis as { sessionStorage?: Storage }).sessionStorage;
    expect(keepImport('?y', { name: 'lab', scenario })).toBe(false);
    expect(keptImportFor('?y')).toBeNull();
  });
});
