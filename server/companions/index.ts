export { CompanionError, type CompanionRefusal } from "./companionError";
export { companionRepository, type CompanionRepository, type PersonaVersion, type StoredCompanion } from "./companionRepository";
export { createCompanionService, PersonaEdit, type CompanionService, type PersonaChangedListener } from "./companionService";
export {
  CARD_JSON_MAX_BYTES,
  CARD_PNG_MAX_BYTES,
  CardError,
  exportCard,
  parseCard,
  personaFromCard,
  type CardFormat,
  type CharacterCard,
} from "./cards";
