import { Vector3, type Object3D } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { ACTIONS, EMOTIONS, type ActionName, type Emotion } from "../../shared/persona";
import { BlinkScheduler } from "./expressions/blinkScheduler";
import { EmotionBlender } from "./expressions/emotionBlender";
import { FaceExpressions } from "./expressions/faceExpressions";
import { AvatarDrawDetail } from "./drawDetail";
import { AvatarFade } from "./fade";
import { avatarDetail } from "./lod";
import { Mouth } from "./lipSync/mouth";
import { textToVisemeTimeline } from "./lipSync/textTimeline";
import type { AudioClock, VisemeCue } from "./lipSync/visemes";
import { Gaze } from "./lookAt/gaze";
import { SaccadeScheduler } from "./lookAt/saccadeScheduler";
import { AvatarRig } from "./motion/avatarRig";
import { BodyPose } from "./motion/bodyPose";
import { writeGait } from "./motion/gaitMotion";
import { GaitPhase } from "./motion/gaitPhase";
import { GesturePlayer, type Vec3Like } from "./motion/gesturePlayer";
import { IdleMotion } from "./motion/idleMotion";
import type { MotionClips } from "./motion/motionClips";
import { QuaternionOnlyBones } from "./quaternionOnlyBones";
import type { RandomSource } from "./random";
import { VrmUpdater } from "./vrmUpdate";
import { turnAboutUp } from "./yawTurn";

/** Where the body stands: feet at (x, y, z), facing `yaw` (0 faces +Z), moving at `speed` m/s. */
export interface AvatarPose {
  x: number;
  y: number;
  z: number;
  yaw: number;
  speed: number;
}

/** Longest step one update simulates: after a stall the body resumes instead of jumping. */
const MAX_DELTA_S = 0.1;
/** A move longer than this in one update is a teleport: springs restart from rest. */
const TELEPORT_M = 3;
/**
 * Bodies at a reduced rate update in one of this many turns of their interval (drivers take
 * turns as they are created): far bodies that fell back at the same moment (the camera jumped)
 * still spread over several frames instead of all updating in one.
 */
const RATE_PHASES = 4;
let nextRatePhase = 0;

/**
 * Everything one avatar does on its own, fed by whoever owns it (the companion's events, a
 * player's movement). Create one per avatar with {@link createAvatarDriver}, give it to
 * `<VrmAvatar driver={…}>`, and call its commands at any time, even before the VRM has loaded.
 */
export class AvatarDriver {
  /** The expression weights applied in the last update, by VRM expression name (read-only). */
  readonly expressionWeights: Readonly<Record<string, number>>;
  /** World position of the head, updated every update (read-only). */
  readonly headPosition = new Vector3();
  private updateMs = 0;
  private updateStartedAt = Number.NEGATIVE_INFINITY;

  private vrm: VRM | null = null;
  private root: Object3D | null = null;
  private rig: AvatarRig | null = null;
  private gestures: GesturePlayer | null = null;
  private updater: VrmUpdater | null = null;
  private readonly face = new FaceExpressions();
  private readonly emotions = new EmotionBlender();
  private readonly blink: BlinkScheduler;
  private readonly saccades: SaccadeScheduler;
  private readonly mouth = new Mouth();
  private readonly gaze = new Gaze();
  private readonly gait = new GaitPhase();
  private readonly idle: IdleMotion;
  private readonly body = new BodyPose();
  private readonly fader = new AvatarFade();
  private readonly draw = new AvatarDrawDetail();
  private readonly quaternionOnly = new QuaternionOnlyBones();
  private distance = 0;
  private inView = true;
  /** Springs were skipped (far or out of view): they restart from rest when they run again. */
  private springsStale = false;
  /** No step since attach: the head's position is read from the rig before the first. */
  private awaitingFirstStep = true;
  private readonly lastPosition = new Vector3();
  /** The head seen from the feet, in the body's own frame (yaw 0), as last posed. */
  private readonly headFromFeet = new Vector3();
  private pendingDelta = 0;
  /** Where in a reduced-rate interval this body updates, so far bodies take turns (0…1). */
  private readonly ratePhase = (nextRatePhase++ % RATE_PHASES) / RATE_PHASES;
  /** Time taken off the first wait after the rate dropped: the body's turn within the interval. */
  private rateLead = 0;
  private lastInterval = 0;
  private pendingGesture: { name: ActionName; target?: Vec3Like } | null = null;

  constructor(random: RandomSource = Math.random) {
    this.blink = new BlinkScheduler(random);
    this.saccades = new SaccadeScheduler(random);
    this.idle = new IdleMotion(random);
    this.expressionWeights = this.face.weights;
  }

  /** Milliseconds the last update of this avatar took (VRM, springs, face, body). */
  get lastUpdateMs(): number {
    return this.updateMs;
  }

  /** performance.now() when the last update began: frame timing counts only the updates its frame ran. */
  get lastUpdateStartedAt(): number {
    return this.updateStartedAt;
  }

  get loaded(): boolean {
    return this.vrm !== null;
  }

  /** The attached VRM, for layers that pose it further after `update` (a headset's tracked head and hands). */
  get model(): VRM | null {
    return this.vrm;
  }

  /** True while a viseme timeline plays or audio amplitude arrives. */
  get speaking(): boolean {
    return this.mouth.speaking;
  }

  setEmotion(emotion: Emotion): void {
    if (!EMOTIONS.includes(emotion)) throw new Error(`unknown emotion "${String(emotion)}" (known: ${EMOTIONS.join(", ")})`);
    this.emotions.set(emotion);
  }

  /** wave, nod, shake, or point (at `target`, world position; forward without one). */
  playGesture(name: ActionName, target?: Vec3Like): void {
    if (!ACTIONS.includes(name)) throw new Error(`unknown gesture "${String(name)}" (known: ${ACTIONS.join(", ")})`);
    if (this.gestures) this.gestures.play(name, target);
    else this.pendingGesture = { name, target };
  }

  /** Lip sync from text alone (no audio): a letter-driven timeline on the avatar's own clock. */
  speakText(text: string): void {
    this.mouth.playText(textToVisemeTimeline(text));
  }

  /** Lip sync from a voice: `audioClock` returns seconds since that audio started playing. */
  speakTimeline(visemes: readonly VisemeCue[], audioClock: AudioClock): void {
    this.mouth.playTimeline(visemes, audioClock);
  }

  /** Audio loudness 0…1 when only audio is available; goes quiet by itself when calls stop. */
  setAmplitude(value: number): void {
    this.mouth.setAmplitude(value);
  }

  stopSpeaking(): void {
    this.mouth.stop();
  }

  /** Whom to look at (world position, e.g. the owner's head), read every frame; null: look ahead. */
  lookAt(target: Vec3Like | null): void {
    this.gaze.lookAt(target);
  }

  /** 1 fully shown … 0 invisible (catch-up warps fade out and in). */
  setFade(value: number): void {
    if (value === this.fader.fade) return;
    this.fader.set(value);
    this.updater?.refreshMaterials();
  }

  /** Metres from the camera: far avatars skip springs and gaze, farther ones update less often. */
  setDistance(metres: number): void {
    if (!(metres >= 0)) throw new Error(`distance must be a number ≥ 0, got ${metres}`);
    this.distance = metres;
  }

  /**
   * Whether the body can be seen (the camera's frustum): out of view only its clocks advance
   * (face, blink, lip sync, gait, gestures), so it comes back into view in the right state.
   */
  setInView(visible: boolean): void {
    this.inView = visible;
  }

  /** Called by VrmAvatar when its VRM is ready; `root` is the object placed at the pose. */
  attach(vrm: VRM, root: Object3D, clips: MotionClips = {}): void {
    if (this.vrm) this.detach(this.vrm);
    this.vrm = vrm;
    this.root = root;
    this.rig = new AvatarRig(vrm);
    this.updater = new VrmUpdater(vrm);
    this.gait.hipHeight = this.rig.hipHeight;
    this.gestures = new GesturePlayer(this.rig);
    this.gestures.useClips(clips);
    // Idle variations (stretch, look around, shift weight) from the VRMA clips it has.
    this.idle.useClips(this.rig, clips);
    if (this.pendingGesture) this.gestures.play(this.pendingGesture.name, this.pendingGesture.target);
    this.pendingGesture = null;
    this.face.bind(vrm.expressionManager);
    if (vrm.lookAt) {
      vrm.lookAt.target = this.gaze.eyeTarget;
      vrm.lookAt.autoUpdate = true;
    }
    this.fader.attach(vrm.scene);
    this.draw.attach(vrm.scene);
    this.quaternionOnly.attach(vrm);
    this.gait.forgetTurn();
    this.awaitingFirstStep = true;
  }

  /** Called by VrmAvatar before it disposes of `vrm`. */
  detach(vrm: VRM): void {
    if (this.vrm !== vrm) return;
    this.rig?.reset();
    this.face.unbind();
    this.fader.detach();
    this.draw.detach();
    this.quaternionOnly.restore();
    if (vrm.lookAt) vrm.lookAt.target = null;
    this.vrm = null;
    this.root = null;
    this.rig = null;
    this.gestures = null;
    this.updater = null;
  }

  /** One frame: places the root at `pose` and runs face, gaze, body and the VRM's own update. */
  update(delta: number, pose: AvatarPose): void {
    const vrm = this.vrm;
    const root = this.root;
    const rig = this.rig;
    const gestures = this.gestures;
    const updater = this.updater;
    if (!vrm || !root || !rig || !gestures || !updater) return;
    const started = performance.now();
    this.updateStartedAt = started;
    const dt = Math.min(Math.max(delta, 0), MAX_DELTA_S);
    // Fields written directly (numbers handed to calls the optimiser does not inline are boxed on
    // the heap), the turn only when it changed (each Euler write recomputes the quaternion).
    const position = root.position;
    position.x = pose.x;
    position.y = pose.y;
    position.z = pose.z;
    const turn = root.rotation;
    if (turn.y !== pose.yaw || turn.x !== 0 || turn.z !== 0) turn.set(0, pose.yaw, 0);
    const detail = avatarDetail(this.distance, this.inView);
    this.draw.apply(detail);
    if (detail.interval !== this.lastInterval) {
      this.lastInterval = detail.interval;
      this.rateLead = this.ratePhase * detail.interval;
    }
    this.pendingDelta += dt;
    if (this.pendingDelta + this.rateLead < detail.interval) {
      this.updateMs = performance.now() - started;
      return;
    }
    const step = Math.min(this.pendingDelta, MAX_DELTA_S);
    this.pendingDelta = 0;
    this.rateLead = 0;
    if (this.awaitingFirstStep) rig.headWorldPosition(this.headPosition);
    this.awaitingFirstStep = false;
    const last = this.lastPosition;
    const dx = position.x - last.x;
    const dy = position.y - last.y;
    const dz = position.z - last.z;
    const teleported = dx * dx + dy * dy + dz * dz > TELEPORT_M * TELEPORT_M;
    const restartSprings = detail.springs && (this.springsStale || teleported);
    this.springsStale = !detail.springs;
    last.copy(position);

    this.mouth.update(step);
    this.emotions.update(step, this.mouth.speaking);
    this.face.setEmotions(this.emotions.values);
    this.face.setMouth(this.mouth.values);
    this.blink.update(step, this.face.blinkOverride() >= 0.5);
    this.face.setBlink(this.blink.value);

    this.gait.update(step, pose);
    this.idle.calm = 1 - Math.max(this.gait.walk, this.gait.turn);
    this.idle.update(step, this.mouth.speaking || gestures.playing !== null);
    if (!detail.pose) {
      gestures.update(step);
      // Its voice still comes from its head: carried along with the body, unposed.
      turnAboutUp(this.headPosition.copy(this.headFromFeet), pose, 1).add(root.position);
      this.updateMs = performance.now() - started;
      return;
    }
    this.body.clear();
    this.idle.write(this.body);
    writeGait(this.body, this.gait);
    if (detail.gaze) {
      this.saccades.update(step, this.gaze.hasTarget);
      this.gaze.update(step, this.headPosition, pose, this.idle, this.saccades, this.body);
    }
    gestures.update(step);
    rig.apply(this.body, gestures.frame);
    updater.update(step, detail, restartSprings);
    rig.headWorldPosition(this.headPosition);
    turnAboutUp(this.headFromFeet.copy(this.headPosition).sub(root.position), pose, -1);
    this.updateMs = performance.now() - started;
  }
}

export function createAvatarDriver(options: { random?: RandomSource } = {}): AvatarDriver {
  return new AvatarDriver(options.random);
}
