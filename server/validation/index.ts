export { describeZodError } from "./describeZodError";
