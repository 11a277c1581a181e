export * from "./users";
export * from "./cases";
export * from "./audit";
export * from "./api-tokens";
export * from "./lifecycle";
export * from "./imports";
export * from "./reconciliations";
