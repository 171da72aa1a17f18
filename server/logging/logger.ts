import { pino, type Logger } from "pino";
import type { LogLevel } from "../config";

export type { Logger } from "pino";

/** JSON lines on stdout, one logger per server; modules take `logger.child({ module })`. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { app: "kindred" } });
}
