// Proxies register here by name, one file each; a variant is another registration.
import { InputError } from "../util/errors.js";
import type { ProxyDefinition } from "./types.js";

const registry = new Map<string, ProxyDefinition>();

export function defineProxy(definition: ProxyDefinition): ProxyDefinition {
  if (registry.has(definition.name)) throw new Error(`defineProxy: a proxy named "${definition.name}" is already registered`);
  registry.set(definition.name, definition);
  return definition;
}

export function proxyNames(): string[] {
  return [...registry.keys()];
}

export function getProxy(name: string): ProxyDefinition {
  const proxy = registry.get(name);
  if (!proxy) throw new InputError(`unknown proxy "${name}": expected one of ${proxyNames().join(", ")}.`);
  return proxy;
}
