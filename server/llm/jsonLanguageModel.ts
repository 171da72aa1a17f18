import type { GbnfJsonSchema, GbnfJsonSchemaToType } from "node-llama-cpp";
import type { GenerationRequest, LanguageModel } from "./languageModel";

/** A request for JSON: like a text request, the temperature is the caller's choice. */
export type JsonRequest = GenerationRequest;

/**
 * A language model that can also answer in JSON bound to a schema: the output is constrained token
 * by token (a grammar built from the schema), so the result has the schema's shape. Background work
 * such as memory extraction uses it; the companion's replies stay plain streamed text.
 */
export interface JsonLanguageModel extends LanguageModel {
  /** Throws a ProviderError like `stream` does; "malformed" when maxTokens cut the JSON short. */
  generateJson<const Schema extends GbnfJsonSchema>(schema: Readonly<Schema> & GbnfJsonSchema, request: JsonRequest): Promise<GbnfJsonSchemaToType<Schema>>;
}

export type { GbnfJsonSchema as JsonSchema, GbnfJsonSchemaToType as JsonSchemaToType };

export function canGenerateJson(model: LanguageModel): model is JsonLanguageModel {
  return typeof (model as Partial<JsonLanguageModel>).generateJson === "function";
}
