export * from './heartbeat.module';
export * from './pipeline-down.exception';
export * from './pipeline-status';
export * from './read-pipeline-status.use-case';
export * from './record-worker-heartbeat.use-case';
export * from './worker-heartbeat.entity';
