import { describe, expect, it } from "vitest";
import { UtteranceGate } from "../../../../client/voice/playback/utteranceGate";

describe("utterance gate", () => {
  it("starts over on the first chunk, then queues the following ones in order", () => {
    const gate = new UtteranceGate();
    expect(gate.utteranceId).toBe(-1);
    expect(gate.admit(0, 0)).toBe("restart");
    expect(gate.admit(0, 1)).toBe("queue");
    expect(gate.admit(0, 2)).toBe("queue");
    expect(gate.utteranceId).toBe(0);
  });

  it("drops a repeated or older chunk of the same utterance", () => {
    const gate = new UtteranceGate();
    gate.admit(3, 0);
    gate.admit(3, 1);
    expect(gate.admit(3, 1)).toBe("drop");
    expect(gate.admit(3, 0)).toBe("drop");
    expect(gate.admit(3, 2)).toBe("queue");
  });

  it("lets a newer utterance replace the one playing, and drops late chunks of the old one", () => {
    const gate = new UtteranceGate();
    gate.admit(1, 0);
    expect(gate.admit(2, 0)).toBe("restart");
    expect(gate.admit(1, 1)).toBe("drop");
    expect(gate.utteranceId).toBe(2);
  });

  it("after a stop, drops what is still arriving of the silenced utterance but plays the next", () => {
    const gate = new UtteranceGate();
    gate.admit(4, 0);
    gate.silence();
    expect(gate.admit(4, 1)).toBe("drop");
    expect(gate.admit(5, 0)).toBe("restart");
  });

  it("silences an utterance announced before any of its chunks arrived", () => {
    const gate = new UtteranceGate();
    gate.admit(1, 0);
    gate.silence(2);
    expect(gate.admit(2, 0)).toBe("drop");
    expect(gate.admit(3, 0)).toBe("restart");
  });

  it("never un-silences: an older stop arriving late changes nothing", () => {
    const gate = new UtteranceGate();
    gate.silence(6);
    gate.silence(2);
    expect(gate.admit(5, 0)).toBe("drop");
    expect(gate.admit(7, 0)).toBe("restart");
  });
});
