import { create } from "zustand";
import { ApiError, guestAuth } from "./api";
import { forgetIdentity, lastUsedName, loadIdentity, saveIdentity, type StoredIdentity } from "./identityStorage";

interface IdentityState {
  /** Who this tab is, once signed in. */
  identity: StoredIdentity | null;
  /** The name from the last visit, to prefill the name field. */
  rememberedName: string;
}

export const useIdentity = create<IdentityState>(() => ({
  identity: null,
  rememberedName: lastUsedName(),
}));

/**
 * Signs in with `name`, reusing the token stored for that name so a reload stays the same user.
 * A token the server no longer accepts (new secret, wiped data folder) is dropped and a new
 * guest is made.
 */
export async function signIn(name: string): Promise<StoredIdentity> {
  const stored = loadIdentity(name);
  let auth;
  try {
    auth = await guestAuth(name, stored?.token);
  } catch (error) {
    if (!(stored && error instanceof ApiError && error.status === 401)) throw error;
    forgetIdentity(name);
    auth = await guestAuth(name);
  }
  const identity: StoredIdentity = { token: auth.token, userId: auth.userId, name: auth.name };
  saveIdentity(identity);
  useIdentity.setState({ identity, rememberedName: identity.name });
  return identity;
}
