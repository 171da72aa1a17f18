import { Component, type ReactNode } from "react";

/**
 * If the 3D view cannot run at all (no WebGL, a crashed GPU process), say so instead of
 * leaving a blank page.
 */
export class SceneErrorBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown): void {
    console.error("Kindred: the 3D view stopped:", error);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="screen loading-screen first fatal" role="alert">
        <div className="panel loading-panel">
          <h2 className="loading-title">The 3D view could not start</h2>
          <p className="loading-error-text">{this.state.error}</p>
          <p className="fine-print">Kindred needs WebGL 2. Try another browser, or turn on hardware acceleration.</p>
          <button className="primary-button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
