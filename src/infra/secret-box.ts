import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Seals secrets the app must read back (second-factor secrets) with AES-256-GCM under a key from
 * the environment (`PLANVERK_SECRET_KEY`), so that a copy of the database alone does not give them
 * away. Without a key they are stored as they are, marked `plain:`; setting a key later seals new
 * secrets and still reads the old ones. A sealed value names its scheme: `v1:<iv>:<tag>:<data>`.
 */
export type SecretBox = { seal: (secret: string) => string; open: (stored: string) => string };

export function createSecretBox(key: string | null): SecretBox {
  // The configured text may be any 32+ characters; the cipher key is its SHA-256.
  const cipherKey = key ? createHash("sha256").update(key).digest() : null;
  return {
    seal: (secret) => {
      if (!cipherKey) return `plain:${secret}`;
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", cipherKey, iv);
      const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(":");
    },
    open: (stored) => {
      if (stored.startsWith("plain:")) return stored.slice("plain:".length);
      const [scheme, iv, tag, data] = stored.split(":");
      if (scheme !== "v1" || !iv || !tag || !data) throw new Error("secret-box: unknown format");
      if (!cipherKey) throw new Error("secret-box: a sealed secret needs PLANVERK_SECRET_KEY");
      const decipher = createDecipheriv("aes-256-gcm", cipherKey, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}
