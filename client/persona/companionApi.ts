import { PersonaBlueprint } from "../../shared/persona";
import { ApiError, requestJson } from "../net/api";
import { authorised } from "./authorised";

/** The owner's companion as `/api/companions` answers it. */
export interface OwnedCompanion {
  id: string;
  version: number;
  persona: PersonaBlueprint;
}

function asCompanion(body: unknown): OwnedCompanion {
  const answer = body as { id?: unknown; version?: unknown; persona?: unknown } | null;
  const persona = PersonaBlueprint.safeParse(answer?.persona);
  if (typeof answer?.id !== "string" || typeof answer.version !== "number" || !persona.success) {
    throw new ApiError(500, "The server's companion answer is malformed");
  }
  return { id: answer.id, version: answer.version, persona: persona.data };
}

/** The signed-in owner's companion (the server creates it on first use). */
export async function fetchMyCompanion(token: string): Promise<OwnedCompanion> {
  return asCompanion(await requestJson("/api/companions/mine", authorised(token)));
}

/**
 * Saves an edited persona. Its `version` is the one it was loaded at: the server answers 409
 * when someone saved in between, instead of silently overwriting their change.
 */
export async function saveCompanionPersona(token: string, companionId: string, persona: PersonaBlueprint): Promise<OwnedCompanion> {
  const init = authorised(token, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(persona),
  });
  return asCompanion(await requestJson(`/api/companions/${encodeURIComponent(companionId)}`, init));
}
