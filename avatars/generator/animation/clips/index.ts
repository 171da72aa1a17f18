/** Every clip `npm run avatars` writes to avatars/animations/<name>.vrma. */
import { checkClip, type ClipDescription } from "../clipDescription";
import { lookAround } from "./lookAround";
import { nod } from "./nod";
import { shake } from "./shake";
import { shiftWeight } from "./shiftWeight";
import { stretch } from "./stretch";
import { wave } from "./wave";

/**
 * Pointing has no clip: it must aim at a place only known when it plays, so the client turns the
 * arm towards the target itself every frame (client/avatar/motion/gesturePlayer.ts).
 */
export const CLIP_DESCRIPTIONS: readonly ClipDescription[] = [wave, nod, shake, stretch, lookAround, shiftWeight].map(checkClip);
