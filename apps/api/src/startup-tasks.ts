import { BootstrapAdmin } from '@domain/identity';
import { BackfillGroupingProfiles } from '@domain/incidents';
import { SeedKnowledgeBase } from '@domain/knowledge';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';

@Injectable()
export class StartupTasks implements OnApplicationBootstrap {
  constructor(
    private readonly bootstrapAdmin: BootstrapAdmin,
    private readonly knowledgeBase: SeedKnowledgeBase,
    private readonly groupingProfiles: BackfillGroupingProfiles,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapAdmin.execute();
    // First-line answers are part of the product, not demo data: present from the first start.
    await this.knowledgeBase.execute();
    await this.groupingProfiles.execute();
  }
}
