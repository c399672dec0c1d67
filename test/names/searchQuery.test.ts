// The search query side of src/names: looser skeleton alternatives and the order-aware name score.
import { expect, test } from 'vitest';
import { looseSkeletons, nameScore, queryGroups, queryWords, skeleton } from '../../src/names/index.ts';

test('the looser keys drop the long-u w, or add one before the last consonant', () => {
  expect(skeleton('Yusuf')).toBe('swf');
  expect(skeleton('يوسف')).toBe('sf');
  expect(looseSkeletons('swf')).toContain('sf');
  expect(looseSkeletons(skeleton('Abu Taha'.replace(' ', '')))).toContain(skeleton('أبوطه'));
  expect(looseSkeletons('a')).toEqual([]);
});

test('each query word meets its Arabic spelling through one of its alternatives', () => {
  const pairs: [string, string][] = [
    ['Yusuf', 'يوسف'],
    ['Munasoar', 'منصور'],
    ['Anwar', 'انور'],
    ['Alami', 'العلمي'],
  ];
  for (const [latin, arabic] of pairs) {
    const stored = new Set(
      queryGroups(arabic)[0]!
        .filter((t) => t.startsWith('s:'))
        .slice(0, 1),
    );
    expect(
      queryGroups(latin)[0]!.some((t) => stored.has(t)),
      latin,
    ).toBe(true);
  }
});

test('the score respects the order of the name parts and prefers the same spelling', () => {
  const q = queryWords('محمد احمد');
  const inOrder = nameScore(q, { givenName: 'محمد', fatherName: 'أحمد', familyName: 'الكرد' });
  const reversed = nameScore(q, { givenName: 'أحمد', fatherName: 'محمد', familyName: 'الكرد' });
  expect(inOrder).toBeGreaterThan(reversed);
  const hassan = queryWords('حسن الكرد');
  expect(nameScore(hassan, { givenName: 'حسن', familyName: 'الكرد' })).toBeGreaterThan(
    nameScore(hassan, { givenName: 'حسين', familyName: 'الكرد' }),
  );
  const latin = queryWords('Mohammed Ahmad Kurd');
  expect(nameScore(latin, { givenName: 'محمد', fatherName: 'أحمد', familyName: 'الكرد' })).toBeGreaterThan(
    nameScore(latin, { givenName: 'أحمد', fatherName: 'محمد', familyName: 'الكرد' }),
  );
  expect(nameScore(queryWords('يوسف'), { fullNameEn: 'Yousef Hassan' })).toBeGreaterThan(0.8);
  expect(nameScore([], { givenName: 'يوسف' })).toBe(0);
});
