export * from './case-presence.entity';
export * from './case-presence.use-case';
export * from './notification.entity';
export * from './notifications.module';
export * from './notify-staff.use-case';
export * from './staff-notifications.use-case';
