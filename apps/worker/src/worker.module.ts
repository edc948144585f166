import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { IdentityModule } from '@domain/identity/identity.module';
import { MaintenanceJobs } from './maintenance.jobs';
import { OutboxWorker } from './outbox.worker';

/** Scheduled and queued work: outbox delivery and periodic jobs. */
@Module({
  imports: [ScheduleModule.forRoot(), IdentityModule],
  providers: [OutboxWorker, MaintenanceJobs],
})
export class WorkerModule {}
