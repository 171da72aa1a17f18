export { LedgerButton } from "./LedgerButton";
export { LedgerPanel } from "./LedgerPanel";
