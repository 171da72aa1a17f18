import { useEffect, useId, type ChangeEvent } from "react";
import type { PersonaBlueprint } from "../../shared/persona";
import { AVATAR_PRESET_IDS } from "../../shared/avatars";
import { presetName, TINT_KEYS, TINT_LABELS, UNSET_TINT, uploadChoices, withChoice, withTint, wornChoice } from "./appearance";
import { loadAvatarLibrary, uploadAndWear, useAvatarLibrary } from "./avatarLibraryStore";
import { Section } from "./Section";
import { editPersona, usePersonaPanel } from "./personaStore";

const editAppearance = (appearance: PersonaBlueprint["appearance"]) => editPersona("appearance", appearance);

/** The companion's body: a preset with tints, or a VRM the owner uploaded. */
export function AppearanceSection() {
  const appearance = usePersonaPanel((s) => s.draft?.appearance);
  const library = useAvatarLibrary((s) => s.library);
  const chooserId = useId();
  useEffect(() => {
    void loadAvatarLibrary();
  }, []);
  if (!appearance) return null;
  const uploads = uploadChoices(library?.uploads ?? [], appearance.customAvatar);

  return (
    <Section title="Appearance">
      <div className="persona-field">
        <label className="persona-label" htmlFor={chooserId}>
          Body
        </label>
        <select
          id={chooserId}
          data-testid="persona-avatar"
          className="text-input persona-input"
          value={wornChoice(appearance)}
          onChange={(event) => editAppearance(withChoice(appearance, event.target.value))}
        >
          <optgroup label="Kindred avatars">
            {AVATAR_PRESET_IDS.map((id) => (
              <option key={id} value={`preset:${id}`}>
                {presetName(id)}
              </option>
            ))}
          </optgroup>
          {uploads.length > 0 && (
            <optgroup label="Your uploads">
              {uploads.map((upload) => (
                <option key={upload.id} value={`upload:${upload.id}`}>
                  {upload.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      {appearance.customAvatar ? <p className="persona-note">Tints recolour Kindred's own avatars; an uploaded VRM keeps its colours.</p> : <TintPickers />}
      <UploadField />
    </Section>
  );
}

function TintPickers() {
  const appearance = usePersonaPanel((s) => s.draft?.appearance);
  if (!appearance) return null;
  return (
    <div className="persona-row">
      {TINT_KEYS.map((key) => {
        const colour = appearance.tints[key];
        return (
          <div key={key} className="persona-field">
            <label className="persona-label">
              {TINT_LABELS[key]}
              {!colour && <span className="persona-hint"> — as designed</span>}
              <input
                type="color"
                data-testid={`persona-tint-${key}`}
                value={colour ?? UNSET_TINT}
                onChange={(event) => editAppearance(withTint(appearance, key, event.target.value))}
              />
            </label>
            {colour && (
              <button type="button" className="small-button" onClick={() => editAppearance(withTint(appearance, key, undefined))}>
                Reset
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}

function UploadField() {
  const progress = useAvatarLibrary((s) => s.progress);
  const problem = useAvatarLibrary((s) => s.problem);
  const inputId = useId();
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again (after fixing it) uploads again.
    event.target.value = "";
    if (file) void uploadAndWear(file);
  };
  return (
    <div className={problem ? "persona-field invalid" : "persona-field"}>
      <label className="persona-label" htmlFor={inputId}>
        Upload your own VRM
        <span className="persona-hint"> — VRM 0.x or 1.0, e.g. from VRoid Studio</span>
      </label>
      <input id={inputId} type="file" accept=".vrm,.glb,model/gltf-binary" data-testid="persona-avatar-upload" disabled={progress !== null} onChange={onFile} />
      {progress !== null && <progress data-testid="persona-avatar-progress" max={1} value={progress} aria-label="upload progress" />}
      {problem && (
        <p className="persona-error" role="alert" data-testid="persona-avatar-error">
          {problem}
        </p>
      )}
    </div>
  );
}
