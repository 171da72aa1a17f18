/** The browser gives this page no microphone API at all: it is not a secure context. */
export class InsecurePageError extends Error {
  constructor() {
    super("The microphone needs a secure page: open Kindred over https, or on localhost.");
    this.name = "InsecurePageError";
  }
}

/** Why the microphone (or the detector listening to it) could not start, in words for the mic button. */
export function describeMicError(error: unknown): string {
  if (error instanceof InsecurePageError) return error.message;
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return "Kindred may not use your microphone: allow it for this site in the browser (the icon by the address), then try again.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No microphone was found: connect one and try again.";
    case "NotReadableError":
    case "AbortError":
      return "The microphone could not be opened: another program may be using it.";
    default:
      return `The microphone could not be started: ${error instanceof Error ? error.message : String(error)}`;
  }
}
