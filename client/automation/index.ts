export { installKindredHandle, type KindredHandle } from "./kindredHandle";
export { bindChatLog } from "./bindChatLog";
export { AutomationProbe } from "./AutomationProbe";
export { FrameTiming } from "./FrameTiming";
