import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { BootstrapAdmin } from '@domain/identity/bootstrap-admin.use-case';

@Injectable()
export class StartupTasks implements OnApplicationBootstrap {
  constructor(private readonly bootstrapAdmin: BootstrapAdmin) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapAdmin.execute();
  }
}
