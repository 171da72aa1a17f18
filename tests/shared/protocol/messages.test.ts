import { describe, expect, it } from "vitest";
import { CHAT_MAX_LENGTH, ChatMessage, DisplayName, JoinOptions, MoveMessage } from "../../../shared/protocol";

describe("client message schemas", () => {
  it("trims chat and refuses empty or oversize lines with a reason", () => {
    expect(ChatMessage.parse({ text: "  hi  " }).text).toBe("hi");
    expect(ChatMessage.safeParse({ text: "   " }).error?.issues[0]?.message).toBe("chat text is empty");
    expect(ChatMessage.safeParse({ text: "x".repeat(CHAT_MAX_LENGTH) }).success).toBe(true);
    expect(ChatMessage.safeParse({ text: "x".repeat(CHAT_MAX_LENGTH + 1) }).error?.issues[0]?.message).toMatch(/longer than 500/);
  });

  it("refuses non-finite moves, extra fields and impossible head pitch", () => {
    const ok = { x: 1, y: 0, z: 2, yaw: 0.5, pitch: 0 };
    expect(MoveMessage.safeParse(ok).success).toBe(true);
    for (const bad of [{ ...ok, x: Number.NaN }, { ...ok, z: Infinity }, { ...ok, pitch: 2 }, { ...ok, extra: 1 }, { ...ok, y: "0" }]) {
      expect(MoveMessage.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("normalises display names and refuses markup", () => {
    expect(DisplayName.parse("  Ada   Lovelace ")).toBe("Ada Lovelace");
    expect(DisplayName.safeParse("<b>x</b>").success).toBe(false);
    expect(DisplayName.safeParse("a".repeat(25)).success).toBe(false);
  });

  it("a join needs a token", () => {
    expect(JoinOptions.safeParse({ world: "plaza" }).success).toBe(false);
    expect(JoinOptions.safeParse({ token: "t", world: "plaza" }).success).toBe(true);
  });

  it("a join's avatar is a preset id or an upload reference, nothing else", () => {
    for (const avatar of ["wren", "kit", "upload:abc_D-9"]) {
      expect(JoinOptions.safeParse({ token: "t", world: "plaza", avatar }).success, avatar).toBe(true);
    }
    for (const avatar of ["", "Wren", "robot", "upload:", "upload:a/b", `upload:${"a".repeat(65)}`]) {
      const parsed = JoinOptions.safeParse({ token: "t", world: "plaza", avatar });
      expect(parsed.error?.issues[0]?.message, avatar).toBe("avatar must be one of wren, sol, juniper, kit or upload:<avatar id>");
    }
  });
});
