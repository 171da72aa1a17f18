import type { PortalEvent } from "../../shared/protocol";
import { addNote } from "../chat";
import { fetchWorld, joinWorld, leaveWorld, signIn, useIdentity } from "../net";
import { rememberedAvatar } from "../player";
import { showWorld, whenAssetsReady } from "../world";
import type { LoadingStep } from "../ui";
import { useSession } from "./sessionStore";
import { rememberWorldInAddress, worldFromAddress } from "./worldAddress";

/** How long the screen takes to fade out before a portal transfer. */
const TRAVEL_FADE_MS = 350;

function at(step: LoadingStep): void {
  useSession.setState({ step, error: null, retry: null });
}

function failed(error: unknown, retry: () => void): void {
  const message = error instanceof Error ? error.message : String(error);
  useSession.setState({ error: message, retry });
}

/** From the name screen into the world: sign in, load the world, its assets, join its room. */
export async function enterWorld(name: string): Promise<void> {
  useSession.setState({ phase: "loading", destination: null });
  try {
    at("auth");
    await signIn(name);
    await loadAndJoin(worldFromAddress());
    useSession.setState({ phase: "world" });
  } catch (error) {
    failed(error, () => void enterWorld(name));
  }
}

/** The server said we stepped into a portal: fade, leave, load the other world, join it there. */
export async function travel(event: PortalEvent): Promise<void> {
  if (useSession.getState().travelling) return;
  useSession.setState({ travelling: true, destination: null, step: "world", error: null, retry: null });
  await new Promise((resolve) => setTimeout(resolve, TRAVEL_FADE_MS));
  await leaveWorld();
  try {
    const world = await loadAndJoin(event.world, event.via);
    addNote(`You arrived in ${world.name}.`);
    useSession.setState({ travelling: false });
  } catch (error) {
    failed(error, () => {
      useSession.setState({ travelling: false });
      void travel(event);
    });
  }
}

async function loadAndJoin(worldId: string, via?: string) {
  const identity = useIdentity.getState().identity;
  if (!identity) throw new Error("not signed in");
  at("world");
  const world = await fetchWorld(worldId);
  useSession.setState({ destination: world.name });
  showWorld(world);
  at("assets");
  await whenAssetsReady(world.id);
  at("join");
  // The body chosen on the name screen, in every world this visit goes to.
  await joinWorld({ token: identity.token, world: world.id, avatar: rememberedAvatar(), ...(via ? { via } : {}) });
  rememberWorldInAddress(world.id);
  return world;
}
