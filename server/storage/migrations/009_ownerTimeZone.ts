import type { Migration } from "./migration";

/**
 * Each person's last-known time zone (IANA name, as their client sent it when joining): memory
 * counts their days ("yesterday", anniversaries) at their clock even when a client does not say.
 */
export const ownerTimeZoneMigration: Migration = {
  version: 9,
  name: "users' last-known time zone",
  up: `
    ALTER TABLE users ADD COLUMN time_zone text CHECK (char_length(time_zone) BETWEEN 1 AND 64);
  `,
};
