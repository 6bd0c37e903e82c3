import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { ApiError } from "../api.ts";

/** The server's own message for a refused request, so the person knows what to do. */
export function ErrorMessage({ error, heading }: { error: unknown; heading?: string }) {
  if (!error) return null;
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <Alert data-color="danger" role="alert">
      {heading && (
        <Heading level={2} data-size="xs">
          {heading}
        </Heading>
      )}
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
