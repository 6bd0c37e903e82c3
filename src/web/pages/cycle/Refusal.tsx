import { Alert, Heading, List } from "@digdir/designsystemet-react";
import { ApiError } from "../../api.ts";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";

/** A refusal from the server: its list of problems when it gives one, otherwise its message. */
export function Refusal({ error, heading }: { error: unknown; heading: string }) {
  if (!error) return null;
  const problems =
    error instanceof ApiError
      ? (error.body?.error.details as { problems?: unknown } | undefined)?.problems
      : undefined;
  if (!Array.isArray(problems) || problems.length === 0) {
    // Validation errors are shown at their fields.
    if (error instanceof ApiError && error.status === 400 && Array.isArray(error.body?.error.details))
      return null;
    return <ErrorMessage error={error} heading={heading} />;
  }
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={3} data-size="xs">
        {heading}
      </Heading>
      <List.Unordered>
        {problems.map((p) => (
          <List.Item key={String(p)}>{String(p)}</List.Item>
        ))}
      </List.Unordered>
    </Alert>
  );
}
