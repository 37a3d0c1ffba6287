import { createContext, useContext } from 'react';
import type { Problem } from './problem';

/** The problems of the design being edited, so each field can show its own next to it. */
export const ProblemsContext = createContext<readonly Problem[]>([]);

/** Problems about exactly this path. */
export function useProblemsAt(path: string): Problem[] {
  return useContext(ProblemsContext).filter((p) => p.path === path);
}
