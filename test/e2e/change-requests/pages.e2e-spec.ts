import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { createStaffWithPassword, type PortalBrowser, portalSignIn, signIn, type StaffBrowser } from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

describe('change request pages: the portal form, support, and the board for each role', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let portalA: PortalBrowser;
  let portalB: PortalBrowser;
  let agent: StaffBrowser;
  let viewer: StaffBrowser;
  const count = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM change_request'))[0].n as number;

  const wish = {
    service: 'inntekt',
    title: 'Månedsinntekt',
    description: 'Inntekt per måned.',
    useCase: 'Foreldrebetaling.',
    urgency: 'medium',
  };

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, ['inntekt', 'skatteoppgjor']);
    a = await registerConsumer(t, 818, ['inntekt']);
    b = await registerConsumer(t, 919, ['inntekt']);
    portalA = await portalSignIn(t, a.emails[0]);
    portalB = await portalSignIn(t, b.emails[0]);
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    agent = await signIn(t, 'agent@ks.example.test');
    viewer = await signIn(t, 'viewer@ks.example.test');
  });
  afterAll(() => t?.close());

  it("offers the organisation's own services in the portal form", async () => {
    const page = await portalA.get('/portal/change-requests/new').expect(200);
    expect(page.text).toContain('value="inntekt"');
    expect(page.text).not.toContain('value="skatteoppgjor"');
  });

  it('shows the form again naming the missing field, storing nothing', async () => {
    const before = await count();
    const res = await portalA.post('/portal/change-requests', { ...wish, useCase: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Hva trenger dere det til?: Beskriv hva dere skal bruke endringen til');
    expect(res.text).toContain('value="Månedsinntekt"');
    expect(await count()).toBe(before);
  });

  it('names a service the organisation has no access to beside the field', async () => {
    const res = await portalA.post('/portal/change-requests', { ...wish, service: 'skatteoppgjor' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Organisasjonen deres har ikke tilgang til denne tjenesten.');
  });

  describe('once submitted', () => {
    let id: string;
    beforeAll(async () => {
      const res = await portalA.post('/portal/change-requests', wish);
      expect(res.status).toBe(303);
      id = /\/portal\/change-requests\/([0-9a-f-]{36})\?done=submitted$/.exec(res.headers.location)![1];
    });

    it('lets another municipality support it once from the portal', async () => {
      const empty = await portalB.post(`/portal/change-requests/${id}/support`, { useCase: ' ' });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain('Beskriv hva dere skal bruke endringen til');
      expect(empty.text).toContain('<a class="ds-link" href="#support-useCase">');
      expect(empty.text).toContain('id="support-useCase"');
      const first = await portalB.post(`/portal/change-requests/${id}/support`, { useCase: 'SFO.' });
      expect(first.headers.location).toBe(`/portal/change-requests/${id}?done=supported`);
      const again = await portalB.post(`/portal/change-requests/${id}/support`, { useCase: 'SFO igjen.' });
      expect(again.headers.location).toBe(`/portal/change-requests/${id}?done=already-supported`);
      const page = await portalB.get(`/portal/change-requests/${id}`).expect(200);
      expect(page.text).toContain('Organisasjonen deres står bak ønsket.');
      expect(page.text).not.toContain('Foreldrebetaling.');
    });

    it('tells the submitter its own request needs no support', async () => {
      const page = await portalA.get(`/portal/change-requests/${id}`).expect(200);
      expect(page.text).toContain('Dette er organisasjonens eget ønske.');
      expect(page.text).not.toContain('Vi trenger dette også</button>');
      const res = await portalA.post(`/portal/change-requests/${id}/support`, { useCase: 'Oss også.' });
      expect(res.status).toBe(409);
      expect(res.text).toContain('Dette er deres eget ønske');
    });

    it('shows the board and the forms to an agent, and only the board to a viewer', async () => {
      const board = await agent.get('/change-requests').expect(200);
      expect(board.text).toContain('Månedsinntekt');
      expect(board.text).toContain('data-supporters="2"');
      const asAgent = await agent.get(`/change-requests/${id}`).expect(200);
      expect(asAgent.text).toContain('Send til Skatteetaten</button>');
      expect(asAgent.text).toContain('Foreldrebetaling.');
      const asViewer = await viewer.get(`/change-requests/${id}`).expect(200);
      expect(asViewer.text).not.toContain('Send til Skatteetaten</button>');
      expect(asViewer.text).not.toContain('Lagre vurderingen');
      await viewer.post(`/change-requests/${id}/forward`).expect(403);
      const [{ status }] = await t.dataSource.query('SELECT status FROM change_request WHERE id = $1', [id]);
      expect(status).toBe('new');
    });

    it('shows a refused declination beside the assessment form, changing nothing', async () => {
      const res = await agent.post(`/change-requests/${id}/assessment`, { status: 'declined', priority: 'high', message: '' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Skriv begrunnelsen kommunene får når ønsket avslås.');
      expect(res.text).toContain('<a class="ds-link" href="#assess-message">');
      expect(res.text).toContain('id="assess-message"');
      const [row] = await t.dataSource.query('SELECT status, priority FROM change_request WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'new', priority: null });
    });

    it('saves from the assessment form only what the agent changed, keeping what a colleague changed meanwhile', async () => {
      const form = /<form method="post" action="\/change-requests\/[^"]+\/assessment"[^]*?<\/form>/.exec(
        (await agent.get(`/change-requests/${id}`).expect(200)).text,
      )![0];
      const shown = Object.fromEntries(
        [...form.matchAll(/<input type="hidden" name="(current[A-Za-z]+)" value="([^"]*)">/g)].map(([, name, value]) => [name, value]),
      );
      expect(shown).toEqual({ currentStatus: 'new', currentPriority: '', currentIsPublic: '' });
      // Meanwhile a colleague sets the priority and makes the texts public.
      await t.dataSource.query(`UPDATE change_request SET priority = 'high', is_public = true WHERE id = $1`, [id]);
      const saved = await agent.post(`/change-requests/${id}/assessment`, { ...shown, status: 'assessing', priority: '', message: '' });
      expect(saved.status).toBe(303);
      const [row] = await t.dataSource.query('SELECT status, priority, is_public FROM change_request WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'assessing', priority: 'high', is_public: true });
      await t.dataSource.query(`UPDATE change_request SET status = 'new', priority = NULL, is_public = false WHERE id = $1`, [id]);
    });

    it('leads a refused merge to the choice of request, merging nothing', async () => {
      const other = await portalB.post('/portal/change-requests', { ...wish, title: 'Inntekt per måned' });
      expect(other.status).toBe(303);
      const res = await agent.post(`/change-requests/${id}/merge`, { intoId: id });
      expect(res.status).toBe(409);
      expect(res.text).toContain('Et ønske kan ikke slås sammen med seg selv.');
      expect(res.text).toMatch(/<a class="ds-link" href="#merge-into">Slå sammen med/);
      expect(res.text).toMatch(/id="merge-into"[^>]*aria-invalid="true"/);
      const merged = await t.dataSource.query('SELECT count(*)::int AS n FROM change_request WHERE merged_into_id IS NOT NULL');
      expect(merged[0].n).toBe(0);
    });

    it('forwards from the page once; a second post sends nothing', async () => {
      const first = await agent.post(`/change-requests/${id}/forward`, { note: '' });
      expect(first.headers.location).toBe(`/change-requests/${id}?done=forwarded`);
      const second = await agent.post(`/change-requests/${id}/forward`, { note: '' });
      expect(second.headers.location).toBe(`/change-requests/${id}?done=already-forwarded`);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE template = 'change-request-forward'`);
      expect(n).toBe(1);
      const api = await t.http.get(`/api/v1/change-requests/${id}`).set(bearer(t.adminToken)).expect(200);
      expect(api.body.status).toBe('forwarded');
    });
  });
});
