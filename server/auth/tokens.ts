import { errors, jwtVerify, SignJWT } from "jose";

const ISSUER = "kindred";
const ALGORITHM = "HS256";
/** A guest keeps their identity this long after their last sign-in (each sign-in renews it). */
export const TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600;

/** A token was refused. The message says why, for the person or the developer reading it. */
export class AuthError extends Error {
  override name = "AuthError";
}

export interface TokenClaims {
  userId: string;
}

export interface Tokens {
  sign(claims: TokenClaims, lifetimeSeconds?: number): Promise<string>;
  /** The claims of a valid token; throws AuthError otherwise. */
  verify(token: string): Promise<TokenClaims>;
}

export function createTokens(secret: Uint8Array): Tokens {
  return {
    sign: ({ userId }, lifetimeSeconds = TOKEN_LIFETIME_SECONDS) =>
      new SignJWT({})
        .setProtectedHeader({ alg: ALGORITHM })
        .setIssuer(ISSUER)
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
        .sign(secret),

    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER });
        if (typeof payload.sub !== "string" || payload.sub === "") throw new AuthError("token has no user");
        return { userId: payload.sub };
      } catch (error) {
        throw new AuthError(describe(error));
      }
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof AuthError) return error.message;
  if (error instanceof errors.JWTExpired) return "token has expired: sign in again";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "token signature is invalid: sign in again";
  if (error instanceof errors.JWTClaimValidationFailed) return `token is not valid here (${error.claim}): sign in again`;
  return "token is malformed: sign in again";
}
