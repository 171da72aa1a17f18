import { buildClient, clientBuildReason } from "../../../server/cli/clientBuild";

/** Vitest global setup of the e2e project: the browser tests need an up-to-date client build. */
export default async function setup(): Promise<void> {
  const root = process.cwd();
  const reason = clientBuildReason(root);
  if (!reason) return;
  process.stdout.write(`Building the web client for browser tests: ${reason}\n`);
  await buildClient(root);
}
