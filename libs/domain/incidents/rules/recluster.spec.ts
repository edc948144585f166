import { corpusOf, incidentOf, reportFactory } from './matching-fixtures';
import { findMerges } from './recluster';

const { rep } = reportFactory('2026-12-01T07:00:00Z', 'm');
const DAYS = 24 * 60;

// A wave opened in parallel: the first minutes of one outage, in different words and fields.
const waveA = incidentOf('wave-a', [
  rep(0, 'A', 'Summert skattegrunnlag svarer ikke', 'Alle oppslag gir 500 Internal Server Error fra kl. 08.', {
    httpStatus: 500,
    errorCode: 'SSG-001',
  }),
  rep(3, 'B', 'SSG nede?', 'Vi får 500 på alle kall mot skattegrunnlag.', { httpStatus: 500 }),
]);
const waveB = incidentOf('wave-b', [
  rep(2, 'C', 'Intern feil i SSG', 'Summert skattegrunnlag gir 502 og timeout på alle søkere.', { httpStatus: 502 }),
  rep(4, 'D', 'SSG outage', 'Every call to SSG fails with 503 since 08:00.', { httpStatus: 503 }),
]);
// Three municipalities each with a bare 403 and one code within the hour: a release, not three mistakes.
const local403 = ['E', 'F', 'G'].map((c, i) =>
  incidentOf(`403-${c}`, [
    rep(30 + i * 10, c, 'Forbidden', 'Vi får 403 Forbidden med SSG-008.', { httpStatus: 403, errorCode: 'SSG-008' }),
  ]),
);
// Two municipalities with their own stated local cause: two problems.
const delegationE = incidentOf('deleg-e', [
  rep(0, 'E', 'Mangler tilgang', 'Vi får 403. Leverandøren sier vi mangler delegering i Altinn.', {
    httpStatus: 403,
    errorCode: 'SSG-005',
  }),
]);
const delegationF = incidentOf('deleg-f', [
  rep(60, 'F', 'Mangler tilgang', 'Vi får 403. Leverandøren sier vi mangler delegering i Altinn.', {
    httpStatus: 403,
    errorCode: 'SSG-005',
  }),
]);
// Wrong data and an outage on one service the same day: two problems.
const dataDay = incidentOf('data', [
  rep(6 * 60, 'H', 'Formue mangler', 'Formuen vises ikke for noen søkere i dag.', { category: 'deviation', httpStatus: 200 }),
  rep(7 * 60, 'I', 'Ingen formue i svaret', 'Svaret har ingen formuesposter lenger.', { category: 'deviation', httpStatus: 200 }),
]);
// A slow deviation phrased two ways, opened as two incidents days apart.
const cabinsA = incidentOf('cabins-a', [
  rep(0, 'J', 'Hytter registrert som bolig', 'Alle hytter i kommunen har fått boligtype i eiendomsdataene.', {
    service: 'eiendom',
    category: 'deviation',
  }),
  rep(1 * DAYS, 'K', 'Fritidsboliger vises som boliger', 'Fritidsboligene ligger blant boligene i svaret fra eiendom.', {
    service: 'eiendom',
    category: 'deviation',
  }),
]);
const cabinsB = incidentOf('cabins-b', [
  rep(
    2 * DAYS,
    'L',
    'Holiday cabins listed as dwellings',
    'The eiendom API returns holiday cabins (fritidsbolig) with property type dwelling.',
    { service: 'eiendom', category: 'deviation' },
  ),
]);
const security = incidentOf('sec', [
  rep(1, 'A', 'Privat nøkkel lekket', 'Vår Maskinporten-nøkkel ble publisert i et offentlig repository.', { category: 'security' }),
]);

const all = [waveA, waveB, ...local403, delegationE, delegationF, dataDay, cabinsA, cabinsB, security];
const corpus = corpusOf(all.flatMap((i) => i.reports));
const merges = (incidents: typeof all, focus?: string[], rejected?: string[]) =>
  findMerges(incidents, corpus, focus ? new Set(focus) : undefined, rejected ? new Set(rejected) : undefined);
const pair = (p: { survivorId: string; mergedId: string }) => `${p.survivorId}<${p.mergedId}`;

describe('findMerges', () => {
  it('merges incidents a wave opened in parallel, automatically, with reasons', () => {
    const found = merges([waveA, waveB]);
    expect(found.map(pair)).toEqual(['wave-a<wave-b']);
    expect(found[0].certain).toBe(true);
    expect(found[0].reasons.join('; ')).toMatch(/samtidig bølge/);
  });

  it('turns a burst of bare 403s from three municipalities into one incident', () => {
    const found = merges(local403);
    expect(found.every((p) => p.certain && p.survivorId === '403-E')).toBe(true);
    expect(found.map((p) => p.mergedId).sort()).toEqual(['403-F', '403-G']);
  });

  it('keeps two municipalities with the same stated local mistake apart', () => {
    expect(merges([delegationE, delegationF])).toEqual([]);
  });

  it('keeps an outage and wrong data on the same service apart', () => {
    expect(merges([waveA, dataDay]).filter((p) => p.certain)).toEqual([]);
  });

  it('finds a slow deviation phrased in two languages', () => {
    const found = merges([cabinsA, cabinsB]);
    expect(found.map(pair)).toEqual(['cabins-a<cabins-b']);
  });

  it('never merges a security case', () => {
    expect(merges([waveA, security]).map(pair)).toEqual([]);
  });

  it('with a focus, looks only at pairs involving it', () => {
    expect(merges([waveA, waveB, cabinsA, cabinsB], ['cabins-b']).map(pair)).toEqual(['cabins-a<cabins-b']);
  });

  it('honours pairs staff kept apart', () => {
    expect(merges([waveA, waveB], undefined, ['wave-a|wave-b'])).toEqual([]);
  });

  it('merges each incident at most once per round, always older into younger', () => {
    const found = merges(all).filter((p) => p.certain);
    const mergedAway = found.map((p) => p.mergedId);
    expect(new Set(mergedAway).size).toBe(mergedAway.length);
    for (const p of found) expect(mergedAway).not.toContain(p.survivorId);
  });
});
