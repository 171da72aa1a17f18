export { CONFIG_KEYS, CONFIG_FILE_NAME, type ConfigKey, type ConfigKeyName } from "./keys";
export { LLM_MODES, LOCAL_GPU_CHOICES, LOG_LEVELS, type Config, type LlmMode, type LocalGpu, type LogLevel } from "./schema";
export { ConfigError, defaultConfig, loadConfig, type LoadConfigOptions } from "./load";
