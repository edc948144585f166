import { ConsumersModule } from '@domain/consumers';
import { IdentityModule } from '@domain/identity';
import { IncidentsModule } from '@domain/incidents';
import { NoticesModule } from '@domain/notices';
import { SupportModule } from '@domain/support';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { DomainEventJobs } from './domain-event.jobs';
import { HeartbeatJobs } from './heartbeat.jobs';
import { InboundMailListenerModule } from './inbound-mail-listener.module';
import { IncidentJobs } from './incident.jobs';
import { MaintenanceJobs } from './maintenance.jobs';
import { NoticeJobs } from './notice.jobs';
import { OutboxWorker } from './outbox.worker';
import { SupportJobs } from './support.jobs';

/** Scheduled and queued work: outbox delivery, periodic jobs and the inbound e-mail listener. */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    IdentityModule,
    ConsumersModule,
    IncidentsModule,
    NoticesModule,
    SupportModule,
    InboundMailListenerModule,
  ],
  providers: [OutboxWorker, HeartbeatJobs, MaintenanceJobs, IncidentJobs, NoticeJobs, DomainEventJobs, SupportJobs],
})
export class WorkerModule {}
