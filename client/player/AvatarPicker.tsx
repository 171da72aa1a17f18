import { AVATAR_PRESET_IDS, type AvatarPresetId } from "../../shared/avatars";
import "../styles/avatarPicker.css";

function displayName(id: AvatarPresetId): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/** Chooses the body others see you in, among the presets that ship with Kindred. */
export function AvatarPicker({ value, onChange }: { value: AvatarPresetId; onChange: (id: AvatarPresetId) => void }) {
  return (
    <div className="avatar-picker" role="radiogroup" aria-label="Your avatar">
      {AVATAR_PRESET_IDS.map((id) => (
        <button
          key={id}
          type="button"
          role="radio"
          aria-checked={id === value}
          data-testid={`avatar-option-${id}`}
          className={id === value ? "avatar-option chosen" : "avatar-option"}
          onClick={() => onChange(id)}
        >
          {displayName(id)}
        </button>
      ))}
    </div>
  );
}
