import type { AllHandlers } from '../ipc/dispatch';
import { appHandlers } from './app/app.handlers';
import { customersHandlers } from './customers/customers.handlers';
import { teamHandlers } from './team/team.handlers';

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: AllHandlers = {
  ...appHandlers,
  ...teamHandlers,
  ...customersHandlers,
};
