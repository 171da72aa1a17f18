import type { Context } from "hono";
import { AuthError, type Identity, type User } from "../auth";
import { HttpError } from "./errors";
import { bearerToken } from "./validate";

/** The signed-in caller (Authorization: Bearer <token>); a 401 without a valid token. */
export async function authenticatedUser(c: Context, identity: Identity): Promise<User> {
  const token = bearerToken(c);
  if (!token) throw new HttpError(401, "not signed in: send Authorization: Bearer <token> from POST /api/auth/guest");
  return refusingBadTokens(() => identity.authenticate(token));
}

/** Runs `work`, answering a refused token with 401 and its reason. */
export async function refusingBadTokens<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AuthError) throw new HttpError(401, error.message);
    throw error;
  }
}
