import type { GuestAuthResponse } from "../../shared/protocol";
import type { Queryable } from "../storage";
import { AuthError, createTokens } from "./tokens";
import { createUserStore, type User } from "./users";

/** Who someone is: guest sign-in and token checks, backed by the users table. */
export interface Identity {
  /**
   * Signs in as a guest called `name`. With `previousToken` (a valid one) the same user is kept
   * and renamed; an invalid previous token is refused rather than silently replaced.
   */
  signInGuest(name: string, previousToken?: string): Promise<GuestAuthResponse>;
  /** The user a token belongs to; throws AuthError for a bad token or an unknown user. */
  authenticate(token: string): Promise<User>;
}

export function createIdentity(db: Queryable, secret: Uint8Array): Identity {
  const tokens = createTokens(secret);
  const users = createUserStore(db);

  async function userOf(token: string, name?: string): Promise<User> {
    const { userId } = await tokens.verify(token);
    const user = await users.touch(userId, name);
    if (!user) throw new AuthError("token belongs to an unknown user: sign in again");
    return user;
  }

  return {
    async signInGuest(name, previousToken) {
      const user = previousToken ? await userOf(previousToken, name) : await users.create(name);
      return { token: await tokens.sign({ userId: user.id }), userId: user.id, name: user.name };
    },
    authenticate: (token) => userOf(token),
  };
}
