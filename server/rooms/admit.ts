import { ErrorCode, ServerError } from "@colyseus/core";
import { JoinOptions } from "../../shared/protocol";
import { AuthError, type Identity } from "../auth";
import { describeZodError } from "../validation";
import type { WorldCatalog } from "../worlds";

/** Who joined: becomes `client.auth`. */
export interface Admission {
  userId: string;
  name: string;
}

/**
 * Decides, before any room is created or seat reserved, whether a join may happen: options
 * well-formed, the world and the arrival portal exist, and the token names a known user.
 * Refusals are ServerErrors whose message the SDK's join() rejects with.
 */
export async function admit(identity: Identity, worlds: WorldCatalog, options: unknown): Promise<Admission> {
  const token = (options as { token?: unknown } | undefined)?.token;
  if (typeof token !== "string" || token === "") {
    throw new ServerError(ErrorCode.AUTH_FAILED, "join refused: a token is required: get one from POST /api/auth/guest");
  }
  const parsed = JoinOptions.safeParse(options ?? {});
  if (!parsed.success) {
    throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `join refused: ${describeZodError(parsed.error)}`);
  }
  const { world: worldId, via } = parsed.data;
  const world = worlds.get(worldId);
  if (!world) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `join refused: no world "${worldId}"`);
  if (via !== undefined && !world.portals.some((p) => p.id === via)) {
    throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `join refused: world "${worldId}" has no portal "${via}"`);
  }
  try {
    const user = await identity.authenticate(token);
    return { userId: user.id, name: user.name };
  } catch (error) {
    if (error instanceof AuthError) throw new ServerError(ErrorCode.AUTH_FAILED, `join refused: ${error.message}`);
    throw error;
  }
}
