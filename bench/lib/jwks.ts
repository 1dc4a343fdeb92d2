// The identity provider the API trusts during the run: an Ed25519 key made with jose, its public
// half served as a JWKS over local HTTP, and one real EdDSA token per user (the payload the web app
// signs: sub, email, iat, exp, iss, aud). Rejected tokens are the same claims signed by another key
// under the same kid, i.e. a bad signature.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { onCleanup } from "./cleanup.ts";
import { userId } from "./database.ts";

export type Identity = { jwksUrl: string; issuer: string; audience: string };
export type Tokens = { valid: string[]; badSignature: string[] };

export async function serveJwks(): Promise<Identity & { sign: SignAll }> {
  const kid = randomUUID();
  const trusted = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const impostor = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid, alg: "EdDSA", use: "sig" };
  const body = JSON.stringify({ keys: [jwk] });

  const server = createServer((req, res) => {
    const found = req.url === "/api/auth/jwks";
    res.writeHead(found ? 200 : 404, { "content-type": "application/json" });
    res.end(found ? body : '{"detail":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onCleanup("stop the JWKS server", () => new Promise<void>((done) => server.close(() => done())));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const identity = { jwksUrl: `${origin}/api/auth/jwks`, issuer: origin, audience: origin };

  const sign: SignAll = async (users, lifetimeSeconds) => {
    const mint = (index: number, key: PrivateKey) =>
      new SignJWT({ email: `${userId(index)}@bench.test` })
        .setProtectedHeader({ alg: "EdDSA", kid })
        .setSubject(userId(index))
        .setIssuedAt()
        .setExpirationTime(`${Math.ceil(lifetimeSeconds)}s`)
        .setIssuer(identity.issuer)
        .setAudience(identity.audience)
        .sign(key);
    const indexes = Array.from({ length: users }, (_, i) => i);
    return {
      valid: await Promise.all(indexes.map((i) => mint(i, trusted.privateKey))),
      badSignature: await Promise.all(indexes.map((i) => mint(i, impostor.privateKey))),
    };
  };
  return { ...identity, sign };
}

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
type SignAll = (users: number, lifetimeSeconds: number) => Promise<Tokens>;
