// Names never hold invisible or direction-changing characters: the registry refuses them (an import
// sends the row to quarantine), so what is stored displays and exports as what it is.
import { expect, test } from 'vitest';
import { preparePerson } from '../../src/registry/person.ts';
import { hasHiddenCharacters } from '../../src/shared/text.ts';
import { personInput } from '../support/factories.ts';

const refused = (over: Record<string, unknown>) => {
  const r = preparePerson(personInput(over) as never);
  return r.ok ? [] : r.errors;
};

test('direction overrides, isolates, zero-width characters, the BOM and lone surrogates are refused, naming the field', () => {
  for (const bad of ['Ali\u202Egnp.exe', 'سامر\u200B', '\u2067خليل\u2069', 'Mona\uFEFF', 'Hala\uD800', 'Sami\u0007']) {
    expect(hasHiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
  }
  expect(refused({ givenName: 'سامر\u202E' })).toEqual([{ field: 'givenName', reason: 'hidden_characters' }]);
  expect(refused({ fullNameEn: 'Samer\u200D Khalil' })).toEqual([{ field: 'fullNameEn', reason: 'hidden_characters' }]);
});

test('ordinary Arabic and Latin names, with hamza, shadda, tatweel, hyphens and apostrophes, are accepted', () => {
  for (const ok of ['عبد الرحمن', 'مُحمّد', 'عـلي', 'أبو طه', "O'Neil", 'Abu-Taha', 'Zoë']) {
    expect(hasHiddenCharacters(ok), ok).toBe(false);
    expect(refused({ givenName: ok }), ok).toEqual([]);
  }
});
