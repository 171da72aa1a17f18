/**
 * Run with `node --import tsx`: starts the echo model, asks it one thing and prints the answer,
 * then does nothing more. It exits by itself only if an idle model process does not hold it.
 */
import { startModelProcess } from "../../../server/process";

const echo = await startModelProcess<{ pid: number }, string, string>({ name: "echo", module: new URL("./echoModel.ts", import.meta.url).href, setup: {} });
process.stdout.write(`${echo.info.pid} ${await echo.request("answered")}\n`);
