import { Hono } from "hono";
import { GuestAuthRequest } from "../../../shared/protocol";
import type { Identity } from "../../auth";
import { authenticatedUser, refusingBadTokens } from "../authenticate";
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
      const user = await authenticatedUser(c, identity);
      return c.json({ userId: user.id, name: user.name });
    });
}
