import { Component, Suspense, type ReactNode } from 'react'

interface Props {
  /** what it is, for the message: "the code panel" */
  what: string
  /** shown while it loads */
  fallback: ReactNode
  children: ReactNode
}

interface State {
  error: Error | null
}

/**
 * A part of the page that loads when first shown (React.lazy, a module's Go text): its fallback
 * while it loads, and a message in its place, not a blank page, if it cannot load (a chunk missing
 * after a deployment, say) or fails to draw. The rest of the page goes on working.
 */
export class Loadable extends Component<Props, State> {
  state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  render() {
    const { error } = this.state
    if (error) {
      return (
        <div className="notice error load-failed" role="alert" data-testid="load-failed">
          <span>
            Could not show {this.props.what}: {error.message}. Reloading the page may help.
          </span>
        </div>
      )
    }
    return <Suspense fallback={this.props.fallback}>{this.props.children}</Suspense>
  }
}
