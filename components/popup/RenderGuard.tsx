import { Component, type ReactNode } from 'react';

/** Keeps a rendering fault in one part of the popup from blanking the rest; says so in the given words. */
export class RenderGuard extends Component<{ fallback: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('Sidecar popup:', error);
  }

  override render() {
    if (this.state.failed) {
      return (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-xs text-red-800">
          {this.props.fallback}
        </p>
      );
    }
    return this.props.children;
  }
}
