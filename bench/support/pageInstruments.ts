import type { Page } from "playwright-core";

/**
 * What happens in the page between frames, logged by hooks the bench installs before the page's
 * own scripts: React commits (react-dom's and R3F's, which both report every commit to a React
 * DevTools hook, in production builds too) and WebSocket message handling (the room's state
 * patches and events). Neither runs inside a frame's update stages, but both share its thread.
 */
export interface BetweenFrames {
  /** performance.now() of each commit, with the renderer that committed. */
  commits: { at: number; renderer: string }[];
  /** Each WebSocket message handled: when it began and how long its handler ran (ms). */
  messages: { at: number; ms: number }[];
}

interface PageLog {
  renderers: Record<number, string>;
  /** Pairs: time, renderer id. */
  commits: number[];
  /** Pairs: start time, duration. */
  messages: number[];
}

declare global {
  interface Window {
    __kindredBenchLog?: PageLog;
  }
}

/** Installs the hooks; call before the page loads. */
export async function installPageInstruments(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: PageLog = { renderers: {}, commits: [], messages: [] };
    window.__kindredBenchLog = log;
    let nextRenderer = 1;
    Object.defineProperty(window, "__REACT_DEVTOOLS_GLOBAL_HOOK__", {
      configurable: true,
      value: {
        supportsFiber: true,
        renderers: new Map(),
        inject(internals: { rendererPackageName?: string }) {
          const id = nextRenderer++;
          log.renderers[id] = internals.rendererPackageName ?? `renderer ${id}`;
          return id;
        },
        onCommitFiberRoot(id: number) {
          log.commits.push(performance.now(), id);
        },
        onCommitFiberUnmount() {},
        onPostCommitFiberRoot() {},
        checkDCE() {},
      },
    });
    const handler = Object.getOwnPropertyDescriptor(WebSocket.prototype, "onmessage")!;
    Object.defineProperty(WebSocket.prototype, "onmessage", {
      configurable: true,
      enumerable: true,
      get(this: WebSocket) {
        return handler.get!.call(this);
      },
      set(this: WebSocket, listener: ((event: MessageEvent) => unknown) | null) {
        const timed =
          listener &&
          function (this: WebSocket, event: MessageEvent) {
            const at = performance.now();
            try {
              return listener.call(this, event);
            } finally {
              log.messages.push(at, performance.now() - at);
            }
          };
        handler.set!.call(this, timed);
      },
    });
  });
}

/** Takes what the hooks logged since the last call (the page's log is emptied). */
export async function takeBetweenFrames(page: Page): Promise<BetweenFrames> {
  const raw = await page.evaluate(() => {
    const log = window.__kindredBenchLog;
    if (!log) return { renderers: {}, commits: [], messages: [] } as PageLog;
    const taken = { renderers: log.renderers, commits: log.commits, messages: log.messages };
    log.commits = [];
    log.messages = [];
    return taken;
  });
  const commits: BetweenFrames["commits"] = [];
  for (let i = 0; i < raw.commits.length; i += 2) commits.push({ at: raw.commits[i]!, renderer: raw.renderers[raw.commits[i + 1]!] ?? "unknown" });
  const messages: BetweenFrames["messages"] = [];
  for (let i = 0; i < raw.messages.length; i += 2) messages.push({ at: raw.messages[i]!, ms: raw.messages[i + 1]! });
  return { commits, messages };
}
