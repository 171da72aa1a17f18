import { useState, type FormEvent } from "react";
import { DisplayName, NAME_MAX_LENGTH } from "../../shared/protocol";
import { useIdentity } from "../net";
import { AvatarPicker, rememberAvatar, rememberedAvatar } from "../player";

/** The first screen: pick the name others will see, and the body they see you in. */
export function NameEntry({ onEnter }: { onEnter: (name: string) => void }) {
  const remembered = useIdentity((s) => s.rememberedName);
  const [name, setName] = useState(remembered);
  const [problem, setProblem] = useState<string | null>(null);
  const [avatar, setAvatar] = useState(rememberedAvatar);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = DisplayName.safeParse(name);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? "that name cannot be used");
      return;
    }
    rememberAvatar(avatar);
    onEnter(parsed.data);
  };

  return (
    <div className="screen name-screen">
      <form className="panel name-panel" onSubmit={submit}>
        <div className="brand">
          <span className="brand-mark" aria-hidden />
          Kindred
        </div>
        <p className="tagline">A companion that lives with you in shared worlds.</p>
        <label className="field-label" htmlFor="display-name">
          Your name
        </label>
        <input
          id="display-name"
          data-testid="name-input"
          className="text-input"
          value={name}
          maxLength={NAME_MAX_LENGTH}
          autoComplete="nickname"
          autoFocus
          placeholder="How should others call you?"
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
        />
        {problem && <p className="field-problem">{problem}</p>}
        <span className="field-label">Your avatar</span>
        <AvatarPicker value={avatar} onChange={setAvatar} />
        <button type="submit" data-testid="join-button" className="primary-button" disabled={name.trim() === ""}>
          {remembered ? "Continue" : "Enter the world"}
        </button>
        <p className="fine-print">You join as a guest; this browser remembers you.</p>
      </form>
    </div>
  );
}
