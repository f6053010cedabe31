import { useSyncExternalStore } from 'react';
import { getAsOf, isPast, subscribeAsOf, type AsOfState } from '../providers/asOf';

export function useAsOf(): AsOfState & { past: boolean } {
  const state = useSyncExternalStore(subscribeAsOf, getAsOf);
  return { ...state, past: isPast(state) };
}
