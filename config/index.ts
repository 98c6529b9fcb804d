export { ConfigError, formatProblem } from "./problems";
export type { Problem } from "./problems";
export { configInputFrom } from "./load";
export { resolveSettings } from "./resolve";
export type { ConfigInput } from "./resolve";
export type { Settings, StandardTags } from "./settings";
