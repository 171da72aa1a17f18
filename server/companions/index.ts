export { CompanionError, type CompanionRefusal } from "./companionError";
export { companionRepository, type CompanionRepository, type PersonaVersion, type StoredCompanion } from "./companionRepository";
export { createCompanionService, PersonaEdit, type CompanionService, type PersonaChangedListener } from "./companionService";
