import { createContext, useContext } from 'react';
import type { AppStatus } from '../../shared/contract/app';

const StatusContext = createContext<AppStatus | null>(null);
export const StatusProvider = StatusContext.Provider;

/** The app's status once past first run: who is using this device, preferences, file. */
export function useAppStatus(): AppStatus {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useAppStatus outside StatusProvider');
  return status;
}

/** The current user (always set once the app is past first run). */
export function useCurrentUser() {
  const user = useAppStatus().currentUser;
  if (!user) throw new Error('no current user');
  return user;
}
