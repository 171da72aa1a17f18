import { useProgress } from "@react-three/drei";

export type LoadingStep = "auth" | "world" | "assets" | "join";
const LOADING_STEPS: readonly LoadingStep[] = ["auth", "world", "assets", "join"];

const LABELS: Record<LoadingStep, string> = {
  auth: "Signing in",
  world: "Fetching the world",
  assets: "Loading models and textures",
  join: "Joining the room",
};
/** Share of the bar each step fills: assets take longest on a slow line. */
const WEIGHTS: Record<LoadingStep, number> = { auth: 0.1, world: 0.15, assets: 0.55, join: 0.2 };

/** Real progress through sign-in, world, assets and room; also the curtain during portal travel. */
export function LoadingScreen({
  variant,
  step,
  destination,
  error,
  retry,
}: {
  variant: "first" | "travel";
  step: LoadingStep;
  destination: string | null;
  error: string | null;
  retry: (() => void) | null;
}) {
  const assets = useProgress();
  const current = LOADING_STEPS.indexOf(step);
  let progress = 0;
  LOADING_STEPS.forEach((s, i) => {
    if (i < current) progress += WEIGHTS[s];
  });
  if (step === "assets" && assets.total > 0) progress += (WEIGHTS.assets * assets.progress) / 100;
  const percent = Math.round(progress * 100);
  const steps = variant === "first" ? LOADING_STEPS : LOADING_STEPS.filter((s) => s !== "auth");

  return (
    <div className={`screen loading-screen ${variant}`} data-testid="loading-screen">
      <div className="panel loading-panel" role="status" aria-live="polite">
        <div className="brand small">
          <span className="brand-mark" aria-hidden />
          Kindred
        </div>
        <h2 className="loading-title">{variant === "travel" ? `Travelling${destination ? ` to ${destination}` : "…"}` : destination ? `Entering ${destination}` : "Getting ready"}</h2>
        <div className="progress" aria-label="loading progress">
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <ol className="steps">
          {steps.map((s) => {
            const index = LOADING_STEPS.indexOf(s);
            const state = index < current ? "done" : index === current ? (error ? "failed" : "active") : "pending";
            return (
              <li key={s} className={`step ${state}`}>
                <span className="step-icon" aria-hidden />
                {LABELS[s]}
                {s === "assets" && state === "active" && assets.total > 0 && (
                  <span className="step-detail">
                    {assets.loaded}/{assets.total}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        {error && (
          <div className="loading-error">
            <p>{error}</p>
            {retry && (
              <button className="primary-button" onClick={retry}>
                Try again
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
