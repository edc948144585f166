import { AuditModule } from '@domain/audit';
import { CatalogueModule } from '@domain/catalogue';
import { CONSUMER_AUTHENTICATOR } from '@domain/identity';
import { Module } from '@nestjs/common';

import { AddConsumerContact } from './add-consumer-contact.use-case';
import { AdvanceOnboarding } from './advance-onboarding.use-case';
import { AuthenticateConsumer } from './authenticate-consumer.use-case';
import { CompletePortalSignIn } from './complete-portal-sign-in.use-case';
import { ConsumerRepository } from './consumer.repository';
import { ConsumerApiKeyRepository } from './consumer-api-key.repository';
import { ConsumerOwnership } from './consumer-ownership';
import { CreateConsumerApiKey } from './create-consumer-api-key.use-case';
import { FindConsumers } from './find-consumers.use-case';
import { FindConsumersWithAccess } from './find-consumers-with-access.use-case';
import { FindServiceAudience } from './find-service-audience.use-case';
import { GetConsumer } from './get-consumer.use-case';
import { GetOnboardingQueue } from './get-onboarding-queue.use-case';
import { ImportConsumers } from './import-consumers.use-case';
import { ListConsumerApiKeys } from './list-consumer-api-keys.use-case';
import { ListConsumerContacts } from './list-consumer-contacts.use-case';
import { ListExpiringAgreements } from './list-expiring-agreements.use-case';
import { MaskinportenTokenVerifier } from './maskinporten-token-verifier';
import { OnboardingActivity } from './onboarding-activity.use-case';
import { OnboardingFunnel } from './onboarding-funnel.use-case';
import { PortalCredentialRepository } from './portal-credential.repository';
import { PurgeExpiredPortalCredentials } from './purge-expired-portal-credentials.use-case';
import { RegisterConsumer } from './register-consumer.use-case';
import { RemoveConsumerContact } from './remove-consumer-contact.use-case';
import { RemoveServiceAccess } from './remove-service-access.use-case';
import { ReorderOnboardingQueue } from './reorder-onboarding-queue.use-case';
import { RequestPortalSignIn } from './request-portal-sign-in.use-case';
import { RevokeConsumerApiKey } from './revoke-consumer-api-key.use-case';
import { SearchConsumers } from './search-consumers.use-case';
import { ServiceCatalogue } from './service-catalogue';
import { SetConsumerAgreement } from './set-consumer-agreement.use-case';
import { SetServiceAccess } from './set-service-access.use-case';
import { SignOutOfPortal } from './sign-out-of-portal.use-case';
import { UpdateConsumer } from './update-consumer.use-case';
import { UpdateConsumerContact } from './update-consumer-contact.use-case';
import { UpdateOnboardingChecklist } from './update-onboarding-checklist.use-case';

const useCases = [
  AddConsumerContact,
  PurgeExpiredPortalCredentials,
  AdvanceOnboarding,
  AuthenticateConsumer,
  CompletePortalSignIn,
  CreateConsumerApiKey,
  FindConsumers,
  FindConsumersWithAccess,
  FindServiceAudience,
  GetConsumer,
  GetOnboardingQueue,
  ImportConsumers,
  ListConsumerApiKeys,
  ListConsumerContacts,
  ListExpiringAgreements,
  OnboardingActivity,
  OnboardingFunnel,
  RegisterConsumer,
  RemoveConsumerContact,
  RemoveServiceAccess,
  ReorderOnboardingQueue,
  RequestPortalSignIn,
  RevokeConsumerApiKey,
  SearchConsumers,
  SetConsumerAgreement,
  SetServiceAccess,
  SignOutOfPortal,
  UpdateConsumer,
  UpdateConsumerContact,
  UpdateOnboardingChecklist,
];

/** The consumer registry: consumers, contacts, agreements, service access, onboarding, API keys, portal sign-in. */
@Module({
  imports: [AuditModule, CatalogueModule],
  providers: [
    ConsumerRepository,
    ConsumerApiKeyRepository,
    PortalCredentialRepository,
    MaskinportenTokenVerifier,
    ServiceCatalogue,
    ConsumerOwnership,
    ...useCases,
    { provide: CONSUMER_AUTHENTICATOR, useExisting: AuthenticateConsumer },
  ],
  exports: [...useCases, ServiceCatalogue, ConsumerOwnership, CONSUMER_AUTHENTICATOR],
})
export class ConsumersModule {}
