import { findNationalIdentityNumbers } from '@domain/shared';

import { nationalId, type RegisteredConsumer } from '../../support/fixtures';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithToken } from '../../support/staff-session';
import { bearer, TestApp } from '../../support/test-app';

describe('personal data in reports', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let securityToken: string;

  beforeAll(async () => {
    ({ t, a } = await reportingApp());
    securityToken = (await createStaffWithToken(t, 'security')).token;
  });
  afterAll(() => t?.close());

  describe('personal data', () => {
    const current = nationalId('010170123', 0);
    const rule2032 = nationalId('150380456', 2);
    const org = '974760673';
    let masked: { id: string; incidentId: string };

    it('masks identity numbers (both check-digit rules, with separators), keeps organisation numbers, and says why', async () => {
      const text = `Skattyter ${current.slice(0, 6)} ${current.slice(6)} og ${rule2032.slice(0, 6)}.${rule2032.slice(6)} mangler. Orgnr ${org}.`;
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody({ environment: 'test', category: 'deviation', title: `Feil for ${current}`, description: text }))
        .expect(201);
      masked = res.body;
      expect(res.body.personalDataMasked).toBe(true);
      expect(res.body.notice).toMatch(/fødselsnummer/);
      const stored = await t.http.get(`/api/v1/reports/${res.body.id}`).set(bearer(t.adminToken)).expect(200);
      expect(findNationalIdentityNumbers(`${stored.body.title} ${stored.body.description}`)).toEqual([]);
      expect(stored.body.description).toContain(org);
      expect(JSON.stringify(stored.body)).not.toContain(current);
    });

    it('masks numbers written the way people write them: glued to letters and inside brackets', async () => {
      const [x, y, z] = [nationalId('020202251', 0), nationalId('010160100', 0), nationalId('311299123', 1)];
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          reportBody({
            environment: 'test',
            category: 'deviation',
            title: `Feil for fnr${x}`,
            description: `Gjelder person (${y.slice(0, 6)} ${y.slice(6)}) og ID:${z}x.`,
          }),
        )
        .expect(201);
      const stored = await t.http.get(`/api/v1/reports/${res.body.id}`).set(bearer(t.adminToken)).expect(200);
      for (const n of [x, y, z]) expect(JSON.stringify(stored.body)).not.toContain(n.slice(6));
      expect(stored.body.title).toBe('Feil for fnr[fødselsnummer fjernet]');
      expect(stored.body.description).toBe('Gjelder person ([fødselsnummer fjernet]) og ID:[fødselsnummer fjernet]x.');
    });

    it('reveals the original only to the security role, with an audit entry', async () => {
      const res = await t.http
        .post(`/api/v1/reports/${masked.id}/reveal`)
        .set(bearer(securityToken))
        // A reason that names the person: it goes into the audit log and the breach evidence, masked.
        .send({ reason: `Varsling til Datatilsynet om ${rule2032}` })
        .expect(200);
      expect(res.body.description).toContain(current.slice(6));
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'report.personal_data_revealed' AND object_id = $1`,
        [masked.id],
      );
      expect(n).toBe(1);
      const audit = await t.dataSource.query(`SELECT details::text AS d FROM audit_entry WHERE object_id = $1`, [masked.id]);
      const details = audit.map((x: { d: string }) => x.d).join();
      expect(details).not.toContain(current);
      expect(details).toContain('Varsling til Datatilsynet om [fødselsnummer fjernet]');
    });

    it("masks an identity number typed into Skatteetaten's case reference, as in the title beside it", async () => {
      const triaged = await t.http
        .post(`/api/v1/incidents/${masked.incidentId}/triage`)
        .set(bearer(t.adminToken))
        .send({ title: `Oppgjør mangler for ${current}`, skeCaseReference: `2026/123 ${rule2032}` })
        .expect(200);
      expect(triaged.body).toMatchObject({
        title: 'Oppgjør mangler for [fødselsnummer fjernet]',
        skeCaseReference: '2026/123 [fødselsnummer fjernet]',
      });
      const stored = await t.dataSource.query(
        `SELECT (SELECT ske_case_reference FROM incident WHERE id = $1) AS reference,
                (SELECT string_agg(details::text, ' ') FROM incident_event WHERE incident_id = $1) AS timeline`,
        [triaged.body.id],
      );
      expect(findNationalIdentityNumbers(JSON.stringify(stored))).toEqual([]);
    });

    it('keeps identity numbers out of every e-mail', async () => {
      await t.deliverMail();
      const all = await outboxRows(t);
      expect(all.length).toBeGreaterThan(0);
      for (const m of all) expect(findNationalIdentityNumbers(`${m.subject}\n${m.text}\n${m.html}`)).toEqual([]);
    });
  });
});
