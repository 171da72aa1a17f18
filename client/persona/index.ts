export { CompanionButton } from "./CompanionButton";
export { PersonaPanel } from "./PersonaPanel";
