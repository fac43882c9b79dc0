import { useMutation } from '@tanstack/react-query';
import type { Input } from '../../shared/contract';
import type { AppStatus } from '../../shared/contract/app';
import { call } from '../api/client';
import { queryClient } from '../api/queries';

type StatusMethod =
  | 'app.setPreferences'
  | 'app.createTeam'
  | 'app.loadDemo'
  | 'app.signIn'
  | 'app.signOut'
  | 'app.changePassword'
  | 'app.joinAsNew';

/** Calls an `app.*` method that answers with the new status, and shows that status at once. */
export function useStatusMutation<M extends StatusMethod>(method: M) {
  return useMutation<AppStatus, Error, Input<M>>({
    mutationFn: (input) => call(method, input) as Promise<AppStatus>,
    onSuccess: (status) => queryClient.setQueryData(['app.status', {}], status),
  });
}
