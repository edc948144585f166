import type { ConsumerStatus } from './consumer.entity';

/** The consumer a credential (API key, portal session) belongs to, as authentication needs it. */
export interface CredentialOwner {
  consumerId: string;
  orgNumber: string;
  name: string;
  status: ConsumerStatus;
}

export interface OwnerRow {
  consumer_id: string;
  org_number: string;
  name: string;
  status: ConsumerStatus;
}

export function credentialOwner(row: OwnerRow): CredentialOwner {
  return { consumerId: row.consumer_id, orgNumber: row.org_number, name: row.name, status: row.status };
}
