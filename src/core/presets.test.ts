import { describe, expect, it } from 'vitest';
import exampleText from '../../test/fixtures/example-scenario.json?raw';
import { presetById } from './presets';

describe('presets', () => {
  it('the worked example preset is exactly the spec’s example scenario', () => {
    expect(presetById('worked-example')?.scenario).toEqual(JSON.parse(exampleText));
  });
});
