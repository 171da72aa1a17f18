export { CardError, type CardRefusal } from "./cardError";
export { type CardSpec, type CharacterCard } from "./cardSchema";
export { cardFromPersona, exportCard, type CardExportOptions, type CardFormat, type ExportedCard } from "./exportCard";
export { CARD_JSON_MAX_BYTES, CARD_PNG_MAX_BYTES, parseCard } from "./parseCard";
export { personaFromCard } from "./personaFromCard";
