/**
 * Run with `node --import tsx`: starts the echo model in a child process, prints the child's pid,
 * then waits to be killed, so a test can see that the child does not outlive it.
 */
import { startModelProcess } from "../../../server/process";

const echo = await startModelProcess<{ pid: number }, string, string>({ name: "echo", module: new URL("./echoModel.ts", import.meta.url).href, setup: {} });
process.stdout.write(`${echo.info.pid}\n`);
setInterval(() => {}, 1000);
