/**
 * Every configuration key Kindred reads, with its default and meaning. The same names work as
 * environment variables and as keys of `kindred.config.yaml`; the environment wins.
 */
export interface ConfigKey {
  /** Environment variable (and YAML key). */
  name: string;
  /** Default, as it would be written in the environment; undefined when unset by default. */
  default: string | undefined;
  description: string;
}

export const CONFIG_KEYS = [
  { name: "PORT", default: "8080", description: "HTTP port serving the web app, the API and the room WebSockets" },
  { name: "HOST", default: "0.0.0.0", description: "Interface to listen on (0.0.0.0: reachable from the LAN)" },
  { name: "KINDRED_DATA_DIR", default: "./data", description: "Data folder (database, token secret, downloads); created on start" },
  {
    name: "DATABASE_URL",
    default: undefined,
    description: "PostgreSQL connection string (with pgvector); unset: embedded PGlite in <data dir>/db",
  },
  { name: "KINDRED_MAX_CLIENTS", default: "24", description: "People per world room; a full room opens another instance" },
  { name: "KINDRED_DEFAULT_WORLD", default: "plaza", description: "World id new visitors enter" },
  { name: "KINDRED_WORLDS_DIR", default: "./worlds", description: "Folder of world definitions (*.json) and their assets/" },
  { name: "LOG_LEVEL", default: "info", description: "Log level: fatal, error, warn, info, debug, trace or silent" },
  {
    name: "KINDRED_RECONNECT_SECONDS",
    default: "20",
    description: "How long a dropped connection keeps its place in the room",
  },
] as const satisfies readonly ConfigKey[];

export type ConfigKeyName = (typeof CONFIG_KEYS)[number]["name"];

/** The file read from the working directory, when present. */
export const CONFIG_FILE_NAME = "kindred.config.yaml";
