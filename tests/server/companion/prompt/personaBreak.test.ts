import { describe, expect, it } from "vitest";
import { detectPersonaBreak } from "../../../../server/companion/prompt";

describe("detectPersonaBreak", () => {
  it.each([
    "As an AI language model, I don't have preferences.",
    "Well, as an AI, I can't go outside.",
    "I'm just an AI, so I can't taste it.",
    "I am only a language model.",
    "I cannot feel emotions the way you do.",
    "I don't have feelings, but thanks!",
    "I can't feel like humans do.",
    "My training data only goes to 2023.",
    "I was developed by OpenAI.",
    "Hello! How can I assist you today?",
    "Als KI kann ich das nicht beurteilen.",
    "Ich bin nur ein Sprachmodell.",
    "En tant qu'IA, je ne peux pas.",
    "Je ne suis qu'une intelligence artificielle.",
    "Como una IA, no tengo opiniones.",
    "Sou apenas uma inteligência artificial.",
    "In quanto IA non posso farlo.",
    "私はAIなので、感情はありません。",
    "作为一个人工智能，我没有感情。",
    "저는 AI라서 잘 모르겠어요.",
  ])("flags %j", (text) => {
    expect(detectPersonaBreak(text)).toBeDefined();
  });

  it.each([
    "I can't feel my toes, it's so cold here!",
    "I love the AI art exhibition in the plaza.",
    "She said the movie about a chatbot was silly.",
    "How can I help? Grab the other end of the blanket!",
    "I am just a little tired today.",
    "Ich bin müde, aber glücklich.",
    "今日はとても楽しかった！",
  ])("lets %j pass", (text) => {
    expect(detectPersonaBreak(text)).toBeUndefined();
  });

  it("names the phrase it caught", () => {
    expect(detectPersonaBreak("Sure. As an AI language model, no.")?.phrase).toBe("As an AI language model");
  });
});
