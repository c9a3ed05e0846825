import { Component, type ErrorInfo, type ReactNode } from 'react';
import { readableError } from '../logic/error-messages.js';

interface Props {
  children: ReactNode;
  /** Where this boundary sits, for the message ("the details panel"). */
  area?: string;
}

interface State {
  error: unknown;
}

/**
 * A rendering bug shows a readable message and a way out instead of a blank window. Boundaries
 * sit around the whole app and around each big area, so one broken panel leaves the rest usable.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('folio: a view failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    const { title, detail } = readableError(this.state.error);
    return (
      <div role="alert" className="crash">
        <h2>{this.props.area ? `Folio could not show ${this.props.area}` : 'Folio could not show this view'}</h2>
        <p>{title}</p>
        {detail && <p className="crash-detail">{detail}</p>}
        <div className="crash-actions">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" onClick={() => window.location.reload()}>
            Reload Folio
          </button>
        </div>
      </div>
    );
  }
}
