/** The child's side of startChildProcess: its setup and the messages to and from its parent. */
export interface ParentChannel<Setup, FromParent, ToParent> {
  readonly setup: Setup;
  send(message: ToParent): void;
  listen(onMessage: (message: FromParent) => void): void;
  /** Sends a last message, then exits once it is on its way. */
  sendAndExit(message: ToParent, code: number): void;
}

/** Call once, in a module started by startChildProcess. The child exits when its parent is gone. */
export function connectToParent<Setup, FromParent, ToParent>(): ParentChannel<Setup, FromParent, ToParent> {
  const send = process.send?.bind(process);
  const setupJson = process.argv[3];
  if (!send || setupJson === undefined) throw new Error("this module runs only in a child process started by startChildProcess");
  // The parent died or stopped it: nobody is left to answer.
  process.on("disconnect", () => process.exit(0));
  return {
    setup: JSON.parse(setupJson) as Setup,
    send: (message) => send(message),
    listen: (onMessage) => process.on("message", (message) => onMessage(message as FromParent)),
    sendAndExit: (message, code) => send(message, undefined, {}, () => process.exit(code)),
  };
}
