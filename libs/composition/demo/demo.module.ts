import { CatalogueModule } from '@domain/catalogue';
import { ConsumersModule } from '@domain/consumers';
import { IncidentsModule } from '@domain/incidents';
import { Module } from '@nestjs/common';

import { LoadDemonstration } from './load-demonstration.use-case';

/** The demonstration data: one use case across catalogue, consumers and incidents, for the CLI and the overview's button. */
@Module({
  imports: [CatalogueModule, ConsumersModule, IncidentsModule],
  providers: [LoadDemonstration],
  exports: [LoadDemonstration],
})
export class DemoModule {}
