import { securityStepInput } from './security-case.forms';

describe('securityStepInput', () => {
  it.each([
    [
      { item: 'skeCalled', calledName: ' Vakthavende ', calledAt: '2026-12-04T19:45' },
      { item: 'skeCalled', calledName: 'Vakthavende', calledAt: '2026-12-04T18:45:00.000Z' },
    ],
    [{ item: 'skeCalled', calledName: 'X', calledAt: '2026-07-01T12:00' }, { calledAt: '2026-07-01T10:00:00.000Z' }],
    [{ item: 'skeCalled', calledAt: 'i går' }, { calledAt: 'i går' }],
    [
      { item: 'containment', text: ' Nøkkelen er trukket ' },
      { item: 'containment', text: 'Nøkkelen er trukket' },
    ],
    [{ item: 'noe annet' }, { item: '' }],
  ])('%j', (body, expected) => {
    expect(securityStepInput(body)).toMatchObject(expected);
  });
});
