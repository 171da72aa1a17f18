import { usersMigration } from "./001_users";
import { companionsMigration } from "./002_companions";
import { memoriesMigration } from "./003_memories";
import { avatarsMigration } from "./004_avatars";
import { factsMigration } from "./005_facts";
import { relationshipsMigration } from "./006_relationships";
import { memoryEmbeddingsMigration } from "./007_memoryEmbeddings";
import { memoryLexemesMigration } from "./008_memoryLexemes";
import { ownerTimeZoneMigration } from "./009_ownerTimeZone";
import { memoryNearestMigration } from "./010_memoryNearest";
import { memoryQueryTermsMigration } from "./011_memoryQueryTerms";
import { memoryLexemePositionsMigration } from "./012_memoryLexemePositions";
import { memoryVisibilityIndexMigration } from "./013_memoryVisibilityIndex";
import type { Migration } from "./migration";

export type { Migration } from "./migration";

/** Every migration, in the order they are applied. Append new ones at the end. */
export const MIGRATIONS: readonly Migration[] = [usersMigration, companionsMigration, memoriesMigration, avatarsMigration, factsMigration, relationshipsMigration, memoryEmbeddingsMigration, memoryLexemesMigration, ownerTimeZoneMigration, memoryNearestMigration, memoryQueryTermsMigration, memoryLexemePositionsMigration, memoryVisibilityIndexMigration];
