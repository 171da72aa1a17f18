export { fetchLlmStatus, fetchWorld } from "./api";
export { useIdentity, signIn } from "./identityStore";
export { useConnection, type ConnectionStatus, type WorldRoom } from "./connectionStore";
export { bindEveryRoom, joinWorld, leaveWhenPageCloses, leaveWorld, retryConnection } from "./worldConnection";
