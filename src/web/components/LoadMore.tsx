import { Button } from "@digdir/designsystemet-react";
import { useLanguage } from "../i18n/language.tsx";
import type { PagedQuery } from "../paging.ts";

/** «Vis flere»: loads the next page of a paged list, shown while there is one. */
export function LoadMore({ list, testId }: { list: PagedQuery<unknown>; testId?: string }) {
  const { t } = useLanguage();
  if (!list.hasMore) return null;
  return (
    <div className="pv-load-more">
      <Button
        variant="secondary"
        data-size="sm"
        onClick={list.loadMore}
        disabled={list.loadingMore}
        aria-busy={list.loadingMore || undefined}
        data-testid={testId ?? "load-more"}
      >
        {list.loadingMore ? t("paging.loadingMore") : t("paging.loadMore")}
      </Button>
    </div>
  );
}
