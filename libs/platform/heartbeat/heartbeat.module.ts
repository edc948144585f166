import { Global, Module } from '@nestjs/common';

import { ReadPipelineStatus } from './read-pipeline-status.use-case';
import { RecordWorkerHeartbeat } from './record-worker-heartbeat.use-case';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';

@Global()
@Module({
  providers: [WorkerHeartbeatRepository, RecordWorkerHeartbeat, ReadPipelineStatus],
  exports: [RecordWorkerHeartbeat, ReadPipelineStatus],
})
export class HeartbeatModule {}
