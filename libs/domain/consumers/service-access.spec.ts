import type { ConsumerService } from './consumer-service.entity';
import { applyServiceAccess } from './service-access';

function access(fields: Partial<ConsumerService> = {}): ConsumerService {
  return {
    environments: ['production'],
    vendorHistory: [],
    vendorOrgNumber: null,
    vendorName: null,
    vendorSince: null,
    connectionMethod: null,
    ...fields,
  } as ConsumerService;
}

describe('applyServiceAccess', () => {
  const now = new Date('2026-05-01T10:00:00Z');

  it('keeps fields that are left out and clears those sent as null', () => {
    const s = access({ legalBasis: 'Barnehageloven', purpose: 'Foreldrebetaling' });
    applyServiceAccess(s, { purpose: null, environments: ['test', 'test'] }, 'agent', now);
    expect(s).toMatchObject({ legalBasis: 'Barnehageloven', purpose: null, environments: ['test'] });
  });

  it('moves the previous vendor into the history when the vendor changes', () => {
    const since = new Date('2025-01-01T00:00:00Z');
    const s = access({ connectionMethod: 'vendor', vendorOrgNumber: '974760673', vendorName: 'Gammel AS', vendorSince: since });
    applyServiceAccess(s, { vendor: { orgNumber: '938 801 363', name: ' Ny AS ' } }, 'agent@ks.no', now);
    expect(s).toMatchObject({ vendorOrgNumber: '938801363', vendorName: 'Ny AS', vendorSince: now });
    expect(s.vendorHistory).toEqual([
      {
        orgNumber: '974760673',
        name: 'Gammel AS',
        connectionMethod: 'vendor',
        from: since.toISOString(),
        until: now.toISOString(),
        changedBy: 'agent@ks.no',
      },
    ]);
  });

  it('records nothing when the same vendor is sent again', () => {
    const s = access({ connectionMethod: 'vendor', vendorOrgNumber: '974760673', vendorName: 'Lev AS', vendorSince: now });
    applyServiceAccess(s, { vendor: { orgNumber: '974760673', name: 'Lev AS' }, connectionMethod: 'vendor' }, 'agent', new Date());
    expect(s.vendorHistory).toEqual([]);
    expect(s.vendorSince).toBe(now);
  });

  it('ends the vendor relationship when the consumer starts connecting directly', () => {
    const s = access({ connectionMethod: 'vendor', vendorOrgNumber: '974760673', vendorName: 'Lev AS' });
    applyServiceAccess(s, { connectionMethod: 'direct' }, 'agent', now);
    expect(s).toMatchObject({ connectionMethod: 'direct', vendorOrgNumber: null, vendorName: null, vendorSince: null });
    expect(s.vendorHistory).toHaveLength(1);
    expect(s.vendorHistory[0]).toMatchObject({ name: 'Lev AS', connectionMethod: 'vendor' });
  });
});
