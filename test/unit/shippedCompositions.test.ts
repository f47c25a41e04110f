import { describe, expect, test } from 'vitest';
import { SHIPPED_COMPOSITIONS } from '../support/rulesets';

// The property tests are titled with these names: a name that no longer says what its date selects (after a
// correction replaces a version, dates select the correction) misleads whoever reads a failure.
describe('the shipped compositions the tests run on', () => {
  test.each(SHIPPED_COMPOSITIONS)('$name is named after what its date selects', ({ name, ruleset }) => {
    const { version, overlays } = ruleset();
    const selected = [version, ...overlays.map((overlay) => `${overlay.id} ${overlay.version}`)].join(' + ');
    expect(name.slice(0, name.lastIndexOf(' ('))).toBe(selected);
  });
});
