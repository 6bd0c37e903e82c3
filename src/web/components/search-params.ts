import type { SetURLSearchParams } from "react-router";

/**
 * Sets one parameter of the address, or removes it when blank, keeping the others. A functional
 * update, so two quick changes do not undo each other; it replaces the history entry.
 */
export function setSearchParam(setParams: SetURLSearchParams, key: string, value: string) {
  setParams(
    (previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    },
    { replace: true },
  );
}
