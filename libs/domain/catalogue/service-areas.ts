/**
 * KS's service areas (tjenesteområder) today. A catalogue version may name others as the
 * agreement grows; these are the ones offered first in forms and used by the seed.
 */
export const KS_SERVICE_AREAS = [
  'Redusert foreldrebetaling barnehage/SFO',
  'Egenbetaling praktisk bistand og opplæring',
  'Egenbetaling langtidsopphold institusjon',
  'Boligsosialt arbeid',
  'Særnamsmannsmyndighet',
] as const;
