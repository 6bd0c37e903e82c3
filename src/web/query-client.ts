import { QueryClient } from "@tanstack/react-query";

export function createQueryClient() {
  // Data from the server-rendered page is fresh for a minute; no refetch storm on hydration.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1 } } });
}
