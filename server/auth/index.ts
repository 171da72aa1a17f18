export { createIdentity, type Identity } from "./identity";
export { loadOrCreateSecret, SECRET_FILE_NAME } from "./secret";
export { AuthError, createTokens, TOKEN_LIFETIME_SECONDS, type TokenClaims, type Tokens } from "./tokens";
export { createUserStore, type User, type UserStore } from "./users";
