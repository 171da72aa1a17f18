import { Hono } from "hono";
import { GuestAuthRequest } from "../../../shared/protocol";
import { AuthError, type Identity } from "../../auth";
import { HttpError } from "../errors";
import { bearerToken, readJsonBody } from "../validate";

/** `/api/auth`: guest sign-in and "who am I". */
export function authRoutes(identity: Identity) {
  return new Hono()
    .post("/guest", async (c) => {
      const previousToken = bearerToken(c);
      const { name } = await readJsonBody(c, GuestAuthRequest);
      const auth = await refusingBadTokens(() => identity.signInGuest(name, previousToken));
      return c.json(auth);
    })
    .get("/me", async (c) => {
      const token = bearerToken(c);
      if (!token) throw new HttpError(401, "not signed in: send Authorization: Bearer <token> from POST /api/auth/guest");
      const user = await refusingBadTokens(() => identity.authenticate(token));
      return c.json({ userId: user.id, name: user.name });
    });
}

async function refusingBadTokens<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AuthError) throw new HttpError(401, error.message);
    throw error;
  }
}
