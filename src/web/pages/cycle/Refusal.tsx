import { Alert, Heading, List } from "@digdir/designsystemet-react";
import { ApiError } from "../../api.ts";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";

/** A refusal from the server: its list of problems when it gives one, otherwise its message. */
export function Refusal({ error, heading }: { error: unknown; heading: string }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.body?.error.details : undefined;
  // Validation errors (400) are shown at their fields; a refused step (409) lists its problems.
  if (error instanceof ApiError && error.status === 400 && Array.isArray(details)) return null;
  const problems = Array.isArray(details)
    ? details.map((d) => (typeof d === "object" && d !== null && "message" in d ? d.message : d))
    : [];
  if (problems.length === 0) return <ErrorMessage error={error} heading={heading} />;
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
