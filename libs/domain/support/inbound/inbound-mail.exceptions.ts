import { NotFound } from '@platform/errors';

export class InboundMailNotFound extends NotFound {
  constructor() {
    super('The inbound e-mail', 'inbound_mail_not_found');
  }
}
