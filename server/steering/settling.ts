import { STOP_RADIUS_METRES } from "./arrival";

/** Standing near a standing owner, a companion stays put within these distances (wider in conversation). */
const COMFORT_MIN_METRES = 0.8;
const COMFORT_MAX_METRES = 1.6;
const CONVERSATION_MAX_METRES = 2.5;
/** A standing companion stays put while its owner moves slower than this (m/s): shuffling, turning. */
const STAY_WHILE_OWNER_BELOW = 1.2;
/** A standing companion moves again once its owner is this much further than when it stopped. */
const SETTLED_SLACK_METRES = 0.8;
/** It may stop this near its slot (metres) once it has slowed below SETTLE_SPEED (m/s). */
const SETTLE_RADIUS_METRES = 0.3;
const SETTLE_SPEED = 0.6;
/** Getting no nearer to its slot (by PROGRESS_METRES) for STUCK_SECONDS, it is hemmed in… */
const PROGRESS_METRES = 0.1;
const STUCK_SECONDS = 1;
/** …and then stands anywhere within this distance of its owner. */
const CROWDED_MAX_METRES = 3;

/** What the settling decision looks at, tick by tick (one object per companion, reused). */
export interface SettlingInput {
  /** Metres to the owner, and to the slot. */
  distance: number;
  fromSlot: number;
  /** The companion's own speed and its owner's, m/s. */
  speed: number;
  ownerSpeed: number;
  /** The owner walks (see OwnerMotion.moving). */
  ownerMoving: boolean;
  /** The companion stands in the lane ahead of its walking owner. */
  inOwnersPath: boolean;
  /** In conversation: it faces the speaker and does not shuffle to its slot. */
  talking: boolean;
}

/**
 * When a companion stands still: the dead zone that keeps it from hunting back and forth. It
 * stops at its slot (or near it, slowed down), anywhere near in conversation, or where a crowd
 * hems it in; and, standing, it lets its owner shuffle about before it moves again.
 */
export class Settling {
  settled = false;
  private settledDistance = 0;
  /** Not decided yet: it appears standing (placed beside its owner) unless that is no good. */
  private fresh = true;
  private nearestToSlot = Infinity;
  private sinceProgress = 0;

  /** Decides for this tick of `dt` seconds; returns whether it stands. */
  update(input: SettlingInput, dt: number): boolean {
    this.trackProgress(input, dt);
    if (this.fresh) {
      this.fresh = false;
      this.settle(input.distance >= COMFORT_MIN_METRES && input.distance <= CROWDED_MAX_METRES, input.distance);
    }
    if (this.settled) {
      const reach = Math.max(this.settledDistance + SETTLED_SLACK_METRES, input.talking ? CONVERSATION_MAX_METRES : COMFORT_MAX_METRES);
      const stays = input.distance >= COMFORT_MIN_METRES && input.distance <= reach && input.ownerSpeed < STAY_WHILE_OWNER_BELOW && !input.inOwnersPath;
      if (!stays) this.settled = false;
    } else if (!input.ownerMoving && input.distance >= COMFORT_MIN_METRES && this.arrived(input)) {
      this.settle(true, input.distance);
    }
    return this.settled;
  }

  /** Caught up by a warp: it walks again from there. */
  reset(): void {
    this.settled = false;
    this.nearestToSlot = Infinity;
    this.sinceProgress = 0;
  }

  private settle(settled: boolean, distance: number): void {
    this.settled = settled;
    this.settledDistance = distance;
  }

  /** Whether it may stop here; see the class comment. */
  private arrived(input: SettlingInput): boolean {
    if (input.talking && input.distance <= CONVERSATION_MAX_METRES) return true;
    if (this.sinceProgress >= STUCK_SECONDS && input.distance <= CROWDED_MAX_METRES) return true;
    // An owner shuffling about moves the slot a little all the time: near and slow is enough.
    return input.fromSlot <= STOP_RADIUS_METRES || (input.fromSlot <= SETTLE_RADIUS_METRES && input.speed <= SETTLE_SPEED);
  }

  /** Keeps count of how long it has been getting no nearer to the slot of an owner standing about. */
  private trackProgress(input: SettlingInput, dt: number): void {
    const counting = !this.settled && !input.ownerMoving;
    if (!counting || input.fromSlot < this.nearestToSlot - PROGRESS_METRES) {
      this.nearestToSlot = counting ? input.fromSlot : Infinity;
      this.sinceProgress = 0;
    } else {
      this.sinceProgress += dt;
    }
  }
}
