import { type ProfileCounts, profileOf } from './incident-profile';
import { distinctiveFeatures, lessonsFrom } from './lessons';
import { LESSON_FEATURES_PER_SIDE, LESSON_STRENGTH } from './matching.constants';

function profile(reports: string[][]) {
  const counts: ProfileCounts = { n: reports.length };
  for (const r of reports) for (const f of r) counts[`f:${f}`] = (counts[`f:${f}`] ?? 0) + 1;
  return profileOf(counts);
}
const idf = (f: string) => ({ hytte: 5, cabin: 5, dwelling: 4, bolig: 4 })[f] ?? 1;

describe('lessons from staff corrections', () => {
  const norwegian = profile([
    ['hytte', 'bolig', 'eiendom'],
    ['hytte', 'bolig', 'eiendom'],
  ]);
  const english = profile([['cabin', 'dwelling', 'eiendom']]);

  it('the distinctive features of a side are what the other lacks, most telling first', () => {
    expect(distinctiveFeatures(norwegian, english, idf)).toEqual(['hytte', 'bolig']);
    expect(distinctiveFeatures(english, norwegian, idf)).toEqual(['cabin', 'dwelling']);
  });

  it('pairs them, at the first lesson’s strength', () => {
    const lessons = lessonsFrom(norwegian, english, idf);
    expect(lessons).toHaveLength(4);
    expect(lessons).toContainEqual({ a: 'hytte', b: 'cabin', strength: LESSON_STRENGTH });
  });

  it('takes at most a few features per side, and none a side shares', () => {
    const wide = profile([Array.from({ length: 10 }, (_, i) => `w${i}`)]);
    expect(distinctiveFeatures(wide, english, idf)).toHaveLength(LESSON_FEATURES_PER_SIDE);
    expect(lessonsFrom(norwegian, norwegian, idf)).toEqual([]);
  });
});
