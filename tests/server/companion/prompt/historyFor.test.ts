import { describe, expect, it } from "vitest";
import { historyFor, type ConversationTurn } from "../../../../server/companion";

const ann = { name: "Ann", isOwner: true, id: "ann-id" };
const bob = { name: "Bob", isOwner: false, id: "bob-id" };
const cy = { name: "Cy", isOwner: false, id: "cy-id" };

const turns: ConversationTurn[] = [
  { role: "person", utterance: { speaker: ann, text: "My secret is safe with you." } },
  { role: "companion", text: "Always.", interrupted: false },
  { role: "person", utterance: { speaker: bob, text: "Hello Pip!" } },
  { role: "companion", text: "Hello Bob.", interrupted: false, to: "bob-id" },
  { role: "person", utterance: { speaker: cy, text: "Hi, I'm Cy." } },
  { role: "companion", text: "Hi Cy.", interrupted: true, to: "cy-id" },
];

describe("historyFor", () => {
  it("gives the owner the whole history", () => {
    expect(historyFor(turns, ann)).toEqual(turns);
  });

  it("gives anyone else only their own lines and the answers they got", () => {
    expect(historyFor(turns, bob)).toEqual([turns[2], turns[3]]);
    expect(historyFor(turns, cy)).toEqual([turns[4], turns[5]]);
    expect(historyFor(turns, { name: "Dee", isOwner: false, id: "dee-id" })).toEqual([]);
  });
});
