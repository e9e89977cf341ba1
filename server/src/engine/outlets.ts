import type { Outlet } from './types';

/** Finds news outlets named in the text, from the gazetteer in data/outlets.json. STUB. */
export function findOutlets(_text: string): Outlet[] {
  return [];
}
