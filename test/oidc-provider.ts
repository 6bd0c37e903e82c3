import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
// @ts-expect-error oidc-provider ships no type declarations; the little used here is typed below.
import Provider from "oidc-provider";

/** The claims the provider tells about one person. */
export type TestAccount = { sub: string; email: string; email_verified: boolean; name: string };

export type TestOidcProvider = {
  /** `http://127.0.0.1:<port>`, the provider's issuer identifier. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People the dev login page knows, by login name (= subject). */
  accounts: Map<string, TestAccount>;
  close: () => Promise<void>;
};

type ProviderInstance = { callback: () => http.RequestListener };
type ProviderClass = new (issuer: string, configuration: object) => ProviderInstance;

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a free 127.0.0.1 port, with one
 * confidential client for Planverk's callback, PKCE required, and the provider's own development
 * login and consent pages (devInteractions): log in with a login name from `accounts`.
 */
export async function startTestOidcProvider(options: { redirectUri: string }): Promise<TestOidcProvider> {
  const clientId = "planverk-test";
  const clientSecret = randomBytes(24).toString("base64url");
  const accounts = new Map<string, TestAccount>();

  // The issuer has to contain the port, so listen first and plug the provider in afterwards.
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Our own signing key, so the provider does not fall back to its published development keys.
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const ProviderClassImpl = Provider as ProviderClass;
  const provider = new ProviderClassImpl(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256" }] },
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
