import { create } from "zustand";
import type { PersonaBlueprint } from "../../shared/persona";
import { ApiError } from "../net/api";
import { useIdentity } from "../net";
import { fetchMyCompanion, saveCompanionPersona } from "./companionApi";
import { validatePersona, withValueAt, type FieldErrors } from "./personaForm";

/** What the panel tells the owner after loading or saving. */
export interface PanelNotice {
  kind: "saved" | "problem" | "conflict";
  text: string;
}

interface PersonaPanelState {
  open: boolean;
  busy: "loading" | "saving" | null;
  companionId: string | null;
  /** The persona as edited, with the version it was loaded at (the server checks it on save). */
  draft: PersonaBlueprint | null;
  errors: FieldErrors;
  notice: PanelNotice | null;
}

export const usePersonaPanel = create<PersonaPanelState>(() => ({
  open: false,
  busy: null,
  companionId: null,
  draft: null,
  errors: {},
  notice: null,
}));

function token(): string | null {
  return useIdentity.getState().identity?.token ?? null;
}

function problem(error: unknown): PanelNotice {
  if (error instanceof ApiError && error.status === 409) {
    return { kind: "conflict", text: "Your companion was changed elsewhere (another tab or device). Reload to get the latest, then make your change again." };
  }
  return { kind: "problem", text: error instanceof Error ? error.message : String(error) };
}

/** Loads the owner's companion afresh, dropping unsaved edits. */
export async function loadPersona(): Promise<void> {
  const auth = token();
  if (!auth) return usePersonaPanel.setState({ notice: { kind: "problem", text: "Sign in first." } });
  usePersonaPanel.setState({ busy: "loading", notice: null, errors: {} });
  try {
    const companion = await fetchMyCompanion(auth);
    usePersonaPanel.setState({ busy: null, companionId: companion.id, draft: { ...companion.persona, version: companion.version } });
  } catch (error) {
    usePersonaPanel.setState({ busy: null, notice: problem(error) });
  }
}

export function openPersonaPanel(): void {
  usePersonaPanel.setState({ open: true });
  void loadPersona();
}

export function closePersonaPanel(): void {
  usePersonaPanel.setState({ open: false, notice: null });
}

export function togglePersonaPanel(): void {
  if (usePersonaPanel.getState().open) closePersonaPanel();
  else openPersonaPanel();
}

/** Edits one field; the whole draft is re-checked so every field shows its current problem. */
export function editPersona(path: string, value: unknown): void {
  const { draft } = usePersonaPanel.getState();
  if (!draft) return;
  const next = withValueAt(draft, path, value);
  const checked = validatePersona(next);
  usePersonaPanel.setState({ draft: next, errors: checked.ok ? {} : checked.errors, notice: null });
}

/** Saves the draft when it is valid; an invalid draft is never sent. */
export async function savePersona(): Promise<void> {
  const { draft, companionId, busy } = usePersonaPanel.getState();
  const auth = token();
  if (!draft || !companionId || !auth || busy) return;
  const checked = validatePersona(draft);
  if (!checked.ok) {
    usePersonaPanel.setState({ errors: checked.errors, notice: { kind: "problem", text: "Please fix the marked fields first." } });
    return;
  }
  usePersonaPanel.setState({ busy: "saving", notice: null });
  try {
    const saved = await saveCompanionPersona(auth, companionId, checked.persona);
    usePersonaPanel.setState({
      busy: null,
      draft: { ...saved.persona, version: saved.version },
      errors: {},
      notice: { kind: "saved", text: `Saved — version ${saved.version}` },
    });
  } catch (error) {
    usePersonaPanel.setState({ busy: null, notice: problem(error) });
  }
}
