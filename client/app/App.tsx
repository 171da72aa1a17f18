import { useEffect } from "react";
import { ChatPanel, ConnectionBadge, ControlsHint, LoadingScreen, NameEntry, WorldHud } from "../ui";
import { CompanionButton, PersonaPanel } from "../persona";
import { LedgerButton, LedgerPanel } from "../ledger";
import { MicButton } from "../voice/input";
import { useWorld } from "../world";
import { installRoomBindings } from "./roomBindings";
import { enterWorld } from "./session";
import { useSession } from "./sessionStore";
import { SceneErrorBoundary } from "./SceneErrorBoundary";
import { WorldView } from "./WorldView";

installRoomBindings();

export function App() {
  const session = useSession();
  const hasWorld = useWorld((s) => s.world !== null);

  useEffect(() => {
    document.body.dataset.phase = session.phase;
  }, [session.phase]);

  return (
    <div className="app">
      {hasWorld && (
        <SceneErrorBoundary>
          <WorldView />
        </SceneErrorBoundary>
      )}
      {session.phase === "world" && (
        <div className="hud">
          <WorldHud />
          <ConnectionBadge />
          <CompanionButton />
          <PersonaPanel />
          <LedgerButton />
          <LedgerPanel />
          <ChatPanel />
          <MicButton />
          <ControlsHint />
        </div>
      )}
      {session.phase === "name" && <NameEntry onEnter={(name) => void enterWorld(name)} />}
      {(session.phase === "loading" || session.travelling) && (
        <LoadingScreen
          variant={session.phase === "loading" ? "first" : "travel"}
          step={session.step}
          destination={session.destination}
          error={session.error}
          retry={session.retry}
        />
      )}
    </div>
  );
}
