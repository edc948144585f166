import { ConsumersModule } from '@domain/consumers';
import { IdentityModule } from '@domain/identity';
import { IncidentsModule } from '@domain/incidents';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { IncidentJobs } from './incident.jobs';
import { MaintenanceJobs } from './maintenance.jobs';
import { OutboxWorker } from './outbox.worker';

/** Scheduled and queued work: outbox delivery and periodic jobs. */
@Module({
  imports: [ScheduleModule.forRoot(), IdentityModule, ConsumersModule, IncidentsModule],
  providers: [OutboxWorker, MaintenanceJobs, IncidentJobs],
})
export class WorkerModule {}
