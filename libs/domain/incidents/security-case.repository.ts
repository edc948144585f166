import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In } from 'typeorm';

import type { SecurityChecklist } from './rules/security-clock';
import { SecurityCase } from './security-case.entity';

export interface OpenSecurityCaseRow {
  case: SecurityCase;
  critical: boolean;
}

/** Security cases, one per incident on the security track. */
@Injectable()
export class SecurityCaseRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Opens the case unless the incident has one: the first report's arrival starts the clock, once. */
  async openOnce(incidentId: string, receivedAt: Date): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO security_case (incident_id, received_at) VALUES ($1, $2) ON CONFLICT (incident_id) DO NOTHING`,
      [incidentId, receivedAt],
    );
  }

  findByIncident(incidentId: string): Promise<SecurityCase | null> {
    return this.db.repository(SecurityCase).findOneBy({ incidentId });
  }

  /** Locks the case for the rest of the transaction, so checklist changes and warnings queue up. */
  lockByIncident(incidentId: string): Promise<SecurityCase | null> {
    return this.db.repository(SecurityCase).findOne({ where: { incidentId }, lock: { mode: 'pessimistic_write' } });
  }

  all(): Promise<SecurityCase[]> {
    return this.db.repository(SecurityCase).find({ order: { receivedAt: 'DESC' } });
  }

  /** Cases of incidents not yet resolved or closed, with whether the incident is critical. */
  async open(): Promise<OpenSecurityCaseRow[]> {
    const rows: Array<{ id: string; critical: boolean }> = await this.db.manager.query(
      `SELECT s.id, (i.severity = 'critical') AS critical FROM security_case s JOIN incident i ON i.id = s.incident_id
        WHERE i.status NOT IN ('resolved', 'closed') AND i.merged_into_id IS NULL`,
    );
    if (!rows.length) return [];
    const cases = await this.db.repository(SecurityCase).findBy({ id: In(rows.map((r) => r.id)) });
    const critical = new Map(rows.map((r) => [r.id, r.critical]));
    return cases.map((c) => ({ case: c, critical: critical.get(c.id) ?? false }));
  }

  /** Opens a case with a clock and checklist already under way (a case that followed its reports). */
  async openWith(incidentId: string, receivedAt: Date, checklist: SecurityChecklist): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO security_case (incident_id, received_at, checklist) VALUES ($1, $2, $3::jsonb) ON CONFLICT (incident_id) DO NOTHING`,
      [incidentId, receivedAt, JSON.stringify(checklist)],
    );
  }

  /** The case now belongs to another incident, with this clock, checklist and warnings. */
  async carry(id: string, incidentId: string, c: Pick<SecurityCase, 'receivedAt' | 'checklist' | 'warningsSent'>): Promise<void> {
    await this.db.manager.query(
      `UPDATE security_case SET incident_id = $2, received_at = $3, checklist = $4::jsonb, warnings_sent = $5::int[] WHERE id = $1`,
      [id, incidentId, c.receivedAt, JSON.stringify(c.checklist), c.warningsSent],
    );
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.query(`DELETE FROM security_case WHERE id = $1`, [id]);
  }

  async setChecklist(id: string, checklist: SecurityChecklist): Promise<void> {
    await this.db.repository(SecurityCase).update(id, { checklist });
  }

  async addWarningsSent(id: string, hours: number[]): Promise<void> {
    await this.db.manager.query(`UPDATE security_case SET warnings_sent = warnings_sent || $2::int[] WHERE id = $1`, [id, hours]);
  }
}
