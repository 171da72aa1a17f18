import { Component, type ReactNode } from "react";
import { reportAssetProblem } from "./worldStore";

interface Props {
  /** What failed, for the console message. */
  what: string;
  children: ReactNode;
}

/** One broken asset leaves a gap in the world instead of taking the whole scene down. */
export class AssetErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn(`Kindred: ${this.props.what} could not be loaded and is left out:`, error);
    reportAssetProblem(this.props.what);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
