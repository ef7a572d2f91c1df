// What every page can reach: the api client, the live data and the session.
import { createContext, useContext } from 'react';
import { type ApiClient } from '../data/api-client.js';
import { type LiveData } from '../data/live-data.js';
import type { Session } from '../data/types.js';

export interface AppContextValue {
  api: ApiClient;
  live: LiveData;
  session: Session;
  /** after login or logout */
  refreshSession: () => Promise<void>;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === undefined) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}
