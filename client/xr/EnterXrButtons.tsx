import { useState } from "react";
import { useXrSupport } from "./xrStatus";
import { xrStore } from "./xrStore";
import "./xrButtons.css";

/**
 * "Enter VR" (and "Enter AR" for passthrough) where the browser offers immersive sessions;
 * nothing at all elsewhere, so the desktop view stays as it is.
 */
export function EnterXrButtons() {
  const support = useXrSupport();
  const [error, setError] = useState("");
  if (!support.vr && !support.ar) return null;
  const enter = (mode: "vr" | "ar") => {
    setError("");
    const entering = mode === "vr" ? xrStore.enterVR() : xrStore.enterAR();
    entering.catch((e: unknown) => setError(`Could not enter ${mode.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`));
  };
  return (
    <div className="xr-buttons">
      {support.vr && (
        <button type="button" data-testid="enter-vr" onClick={() => enter("vr")}>
          Enter VR
        </button>
      )}
      {support.ar && (
        <button type="button" data-testid="enter-ar" onClick={() => enter("ar")}>
          Enter AR
        </button>
      )}
      {error && (
        <p className="xr-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
