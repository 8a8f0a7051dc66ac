import { Alert, Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Resets the boundary when it changes (e.g. the route id). */
  resetKey: string;
  title: string;
  retry: string;
  children: ReactNode;
}

/**
 * A screen that throws while rendering shows what went wrong in place, instead of blanking the
 * whole window; the navigation and the sync indicator stay usable.
 */
export class ScreenErrorBoundary extends Component<Props, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('larder: a screen failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert
        type="error"
        showIcon
        data-testid="screen-error"
        message={this.props.title}
        description={this.state.error.message}
        action={
          <Button size="small" onClick={() => this.setState({ error: null })}>
            {this.props.retry}
          </Button>
        }
      />
    );
  }
}
